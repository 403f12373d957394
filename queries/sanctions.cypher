// Sanctions
// name: sanctions
// description: Who sanctioned whom (people, organisations, vessels, states), and the sanctions regimes that actors oppose or support.
// param target: string? - part of the sanctioned party's name, e.g. "North Korea"
// example: kg ask sanctions
// example: kg ask sanctions --param target="North Korea"
MATCH (by:State)
WITH by
MATCH (by)-[s:SANCTIONED]->(t)
WHERE $target IS NULL OR t.lookup CONTAINS toLower($target)
RETURN by.name AS actor, 'SANCTIONED' AS relation, t.name AS target, labels(t)[0] AS kind,
       size(s.sources) AS reports
ORDER BY target, actor
LIMIT $limit
UNION
MATCH (by:Organization)
WITH by
MATCH (by)-[s:SANCTIONED]->(t)
WHERE $target IS NULL OR t.lookup CONTAINS toLower($target)
RETURN by.name AS actor, 'SANCTIONED' AS relation, t.name AS target, labels(t)[0] AS kind,
       size(s.sources) AS reports
ORDER BY target, actor
LIMIT $limit
UNION
MATCH (a:Agreement {kind: 'sanctions'})
WHERE $target IS NULL OR a.lookup CONTAINS toLower($target)
MATCH (by)-[s:OPPOSES|SUPPORTS]->(a)
RETURN by.name AS actor, type(s) AS relation, a.name AS target, 'Agreement' AS kind,
       size(s.sources) AS reports
ORDER BY target, actor
LIMIT $limit
