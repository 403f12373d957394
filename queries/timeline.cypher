// Timeline of dated events
// name: timeline
// description: Dated events, and agreements by signing date, in order; only those involving a named actor, place or agreement when a name is given.
// param name: string? - part of a name involved, e.g. "Kim Jong Un"; omit for everything
// example: kg ask timeline --param name="Kim Jong Un"
MATCH (i:Event)
WHERE ($name IS NULL OR i.lookup CONTAINS toLower($name)) AND i.start IS NOT NULL
WITH i
ORDER BY i.start, i.name
LIMIT $limit
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.start AS date, i.end AS until, i.kind AS kind, i.name AS what, involved
ORDER BY date, what
UNION
MATCH (x)
WHERE x.lookup CONTAINS toLower($name) AND NOT x:Report AND NOT x:Assessment AND NOT x:Event
MATCH (x)-[]-(i:Event)
WHERE i.start IS NOT NULL
WITH DISTINCT i
ORDER BY i.start, i.name
LIMIT $limit
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.start AS date, i.end AS until, i.kind AS kind, i.name AS what, involved
ORDER BY date, what
UNION
MATCH (i:Agreement)
WHERE ($name IS NULL OR i.lookup CONTAINS toLower($name)) AND i.signed IS NOT NULL
WITH i
ORDER BY i.signed, i.name
LIMIT $limit
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.signed AS date, null AS until, 'signing' AS kind, i.name AS what, involved
ORDER BY date, what
UNION
MATCH (x)
WHERE x.lookup CONTAINS toLower($name) AND NOT x:Report AND NOT x:Assessment AND NOT x:Agreement
MATCH (x)-[]-(i:Agreement)
WHERE i.signed IS NOT NULL
WITH DISTINCT i
ORDER BY i.signed, i.name
LIMIT $limit
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.signed AS date, null AS until, 'signing' AS kind, i.name AS what, involved
ORDER BY date, what
