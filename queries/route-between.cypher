// Routes between two places
// name: route-between
// description: The shortest chains of route legs (up to five) from one place to another, joining routes from different reports, with the mode of each leg.
// param from: string - part of the start place's name or alias, e.g. Najin
// param to: string - part of the end place's name or alias, e.g. "storage"
// example: kg ask route-between --param from=Najin --param to=storage
MATCH (a:Place)
WHERE a.lookup CONTAINS toLower($from) OR a.id = $from
MATCH (b:Place)
WHERE b.lookup CONTAINS toLower($to) OR b.id = $to
WITH a, b
MATCH p = allShortestPaths((a)-[:ROUTE_LEG*..5]->(b))
RETURN a.name AS origin, b.name AS destination, [x IN nodes(p) | x.name] AS stops,
       [r IN relationships(p) | r.mode] AS modes, length(p) AS legs
ORDER BY legs, origin, destination
LIMIT $limit
