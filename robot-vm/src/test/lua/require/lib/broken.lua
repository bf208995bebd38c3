-- a module with a syntax error
return {
