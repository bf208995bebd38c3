-- always-fails: checks invoices and fails on purpose at the second one, to show what a failed
-- run records: the message, the line and the Lua traceback.
local function checkInvoice(invoice)
  local expected = invoice.net + invoice.tax
  if invoice.total ~= expected then
    error(string.format("invoice %s: total %.2f is not net + tax = %.2f", invoice.id, invoice.total, expected))
  end
  print("invoice " .. invoice.id .. " ok")
end

local invoices = {
  { id = "A-1", net = 100, tax = 20, total = 120 },
  { id = "A-2", net = 50, tax = 10, total = 65 },
}
print("checking " .. #invoices .. " invoices")
for _, invoice in ipairs(invoices) do
  checkInvoice(invoice)
end
