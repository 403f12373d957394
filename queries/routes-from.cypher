// Routes from a place
// name: routes-from
// description: Each route that leaves a place, leg by leg from there on (as one report describes it: "from Najin to Vostochny by sea, then by rail to depots"), with the mode of each leg. For chains that join routes from different reports, use route-between.
// param place: string - part of the place's name or alias, e.g. "Najin" or "Rajin"
// example: kg ask routes-from --param place=Najin
MATCH (start:Place)
WHERE start.lookup CONTAINS toLower($place) OR start.id = $place
MATCH (start)-[first:ROUTE_LEG]->(:Place)
WITH DISTINCT start, first.route AS route, first.seq AS from_seq
MATCH (start)-[:ROUTE_LEG*0..8 {route: route}]->(a:Place)-[r:ROUTE_LEG {route: route}]->(b:Place)
WITH DISTINCT start, from_seq, a, r, b
RETURN start.name AS origin, r.seq - from_seq + 1 AS leg, a.name AS from, b.name AS to, r.mode AS mode,
       r.commodity AS carrying, size(r.sources) AS reports
ORDER BY origin, leg, from, to
LIMIT $limit
