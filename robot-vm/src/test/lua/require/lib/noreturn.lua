-- a module that returns nothing: require stores true
sideeffect = "set by noreturn"
