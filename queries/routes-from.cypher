// Routes from a place
// name: routes-from
// description: Route legs leaving a place, in order, with the onward legs of the same route.
// param place: string - part of the place's name or alias, e.g. "Najin" or "Rajin"
// example: kg ask routes-from --param place=Najin
MATCH (start:Place)-[first:ROUTE_LEG]->()
WHERE start.id = $place OR toLower(start.name) CONTAINS toLower($place)
   OR any(a IN coalesce(start.aliases, []) WHERE toLower(a) CONTAINS toLower($place))
MATCH (a:Place)-[leg:ROUTE_LEG]->(b:Place)
WHERE leg.route = first.route AND leg.seq >= first.seq
RETURN start.name AS origin, leg.seq AS leg, a.name AS from, b.name AS to, leg.mode AS mode,
       leg.route AS route
ORDER BY route, leg
