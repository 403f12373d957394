// Routes from a place
// name: routes-from
// description: Route legs leaving a place and every onward leg (up to six), numbered from the start, with the mode of each.
// param place: string - part of the place's name or alias, e.g. "Najin" or "Rajin"
// example: kg ask routes-from --param place=Najin
MATCH (start:Place)
WHERE start.id = $place OR toLower(start.name) CONTAINS toLower($place)
   OR any(a IN coalesce(start.aliases, []) WHERE toLower(a) CONTAINS toLower($place))
MATCH p = (start)-[:ROUTE_LEG*1..6]->(:Place)
UNWIND range(0, length(p) - 1) AS i
WITH start, i + 1 AS leg, nodes(p)[i] AS a, nodes(p)[i + 1] AS b, relationships(p)[i] AS r
RETURN DISTINCT start.name AS origin, leg, a.name AS from, b.name AS to, r.mode AS mode,
       r.commodity AS carrying, size(r.sources) AS reports
ORDER BY origin, leg, from, to
