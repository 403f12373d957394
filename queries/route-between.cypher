// Routes between two places
// name: route-between
// description: The shortest chains of route legs (up to five) from one place to another, joining routes from different reports, with the mode of each leg.
// param from: string - part of the start place's name or alias, e.g. Najin
// param to: string - part of the end place's name or alias, e.g. "storage"
// example: kg ask route-between --param from=Najin --param to=storage
MATCH (a:Place)
WHERE a.id = $from OR toLower(a.name) CONTAINS toLower($from)
   OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($from))
MATCH (b:Place)
WHERE b.id = $to OR toLower(b.name) CONTAINS toLower($to)
   OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($to))
WITH a, b
MATCH p = allShortestPaths((a)-[:ROUTE_LEG*..5]->(b))
RETURN a.name AS origin, b.name AS destination, [x IN nodes(p) | x.name] AS stops,
       [r IN relationships(p) | r.mode] AS modes, length(p) AS legs
ORDER BY legs, origin, destination
