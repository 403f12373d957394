// Stances
// name: stances
// description: Who opposes or supports what (agreements, sanctions, actors), with how many reports say so.
// param name: string? - part of the name of either side, e.g. sanctions or Russia
// example: kg ask stances --param name=sanctions
WITH $name AS wanted
WHERE wanted IS NULL
MATCH (a)-[s:OPPOSES|SUPPORTS]->(b)
RETURN a.name AS actor, type(s) AS stance, b.name AS target, labels(b)[0] AS kind, size(s.sources) AS reports
ORDER BY target, stance, actor
LIMIT $limit
UNION
MATCH (x)
WHERE x.lookup CONTAINS toLower($name)
MATCH (x)-[s:OPPOSES|SUPPORTS]-()
WITH DISTINCT s
RETURN startNode(s).name AS actor, type(s) AS stance, endNode(s).name AS target, labels(endNode(s))[0] AS kind,
       size(s.sources) AS reports
ORDER BY target, stance, actor
LIMIT $limit
