// Stances
// name: stances
// description: Who opposes or supports what (agreements, sanctions, actors), with how many reports say so.
// param name: string? - part of the name of either side, e.g. sanctions or Russia
// example: kg ask stances --param name=sanctions
MATCH (a)-[s:OPPOSES|SUPPORTS]->(b)
WHERE $name IS NULL OR toLower(a.name) CONTAINS toLower($name) OR toLower(b.name) CONTAINS toLower($name)
   OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($name))
RETURN a.name AS actor, type(s) AS stance, b.name AS target, labels(b)[0] AS kind, size(s.sources) AS reports
ORDER BY target, stance, actor
