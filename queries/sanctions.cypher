// Sanctions
// name: sanctions
// description: Who sanctioned whom (people, organisations, vessels, states), and the sanctions regimes that actors oppose or support.
// param target: string? - part of the sanctioned party's name, e.g. "North Korea"
// example: kg ask sanctions
// example: kg ask sanctions --param target="North Korea"
MATCH (by)-[s:SANCTIONED]->(t)
WHERE $target IS NULL OR toLower(t.name) CONTAINS toLower($target)
   OR any(x IN coalesce(t.aliases, []) WHERE toLower(x) CONTAINS toLower($target))
RETURN by.name AS actor, 'SANCTIONED' AS relation, t.name AS target, labels(t)[0] AS kind,
       size(s.sources) AS reports
UNION
MATCH (by)-[s:OPPOSES|SUPPORTS]->(a:Agreement {kind: 'sanctions'})
WHERE $target IS NULL OR toLower(a.name) CONTAINS toLower($target)
RETURN by.name AS actor, type(s) AS relation, a.name AS target, 'Agreement' AS kind,
       size(s.sources) AS reports
