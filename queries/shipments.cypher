// Shipments between actors
// name: shipments
// description: Who shipped what to whom, how much, when, and who reported the figure.
// param from: string? - part of the shipper's name, e.g. "North Korea"
// param to: string? - part of the recipient's name, e.g. "Russia"
// param commodity: string? - part of the commodity, e.g. "munitions"
// example: kg ask shipments --param from="North Korea" --param to=Russia
MATCH (s)-[x:SHIPPED]->(r)
WHERE ($from IS NULL OR s.lookup CONTAINS toLower($from))
  AND ($to IS NULL OR r.lookup CONTAINS toLower($to))
  AND ($commodity IS NULL OR toLower(x.commodity) CONTAINS toLower($commodity))
RETURN s.name AS shipper, r.name AS recipient, x.commodity AS commodity, x.quantity AS quantity,
       x.unit AS unit, x.period AS period, x.attributed_to AS reported_by, size(x.sources) AS reports
ORDER BY shipper, recipient, commodity
LIMIT $limit
