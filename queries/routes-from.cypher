// Routes from a place
// name: routes-from
// description: Each route that leaves a place, leg by leg from there on (as one report describes it: "from Najin to Vostochny by sea, then by rail to depots"), with the mode of each leg. For chains that join routes from different reports, use route-between.
// param place: string - part of the place's name or alias, e.g. "Najin" or "Rajin"
// example: kg ask routes-from --param place=Najin
MATCH (start:Place)
WHERE start.id = $place OR toLower(start.name) CONTAINS toLower($place)
   OR any(a IN coalesce(start.aliases, []) WHERE toLower(a) CONTAINS toLower($place))
MATCH (start)-[first:ROUTE_LEG]->(:Place)
WITH DISTINCT start, first.route AS route, first.seq AS from_seq
MATCH (a:Place)-[r:ROUTE_LEG]->(b:Place)
WHERE r.route = route AND r.seq >= from_seq
RETURN DISTINCT start.name AS origin, r.seq - from_seq + 1 AS leg, a.name AS from, b.name AS to, r.mode AS mode,
       r.commodity AS carrying, size(r.sources) AS reports
ORDER BY origin, leg, from, to
