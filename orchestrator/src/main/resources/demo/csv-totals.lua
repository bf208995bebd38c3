-- csv-totals: reads a CSV text (region,product,quantity,unit_price, with a header line) and adds up
-- the revenue per region, the kind of sum a person would otherwise do by hand in a spreadsheet.
local params = ... or {}
local csv = assert(params.csv, "parameter 'csv' is missing")

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function fields(line)
  local out = {}
  for field in (line .. ","):gmatch("([^,]*),") do
    out[#out + 1] = trim(field)
  end
  return out
end

local totals, regions, rows = {}, {}, 0
local lineNumber = 0
for line in csv:gmatch("[^\r\n]+") do
  lineNumber = lineNumber + 1
  if lineNumber > 1 and trim(line) ~= "" then
    local f = fields(line)
    local region, quantity, price = f[1], tonumber(f[3]), tonumber(f[4])
    if #f ~= 4 or not quantity or not price then
      error(string.format("CSV line %d: expected region,product,quantity,unit_price but got %q", lineNumber, line))
    end
    if not totals[region] then
      totals[region] = 0
      regions[#regions + 1] = region
    end
    totals[region] = totals[region] + quantity * price
    rows = rows + 1
  end
end

table.sort(regions)
local grand = 0
for _, region in ipairs(regions) do
  print(string.format("%-12s %12.2f", region, totals[region]))
  grand = grand + totals[region]
end
print(string.format("%-12s %12.2f  (%d rows)", "TOTAL", grand, rows))
return { rows = rows, total = grand, byRegion = totals }
