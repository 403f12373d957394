// Timeline of dated events
// name: timeline
// description: Dated events, and agreements by signing date, in order; only those involving a named actor, place or agreement when a name is given.
// param name: string? - part of a name involved, e.g. "Kim Jong Un"; omit for everything
// example: kg ask timeline --param name="Kim Jong Un"
MATCH (i:Event)
WHERE i.start IS NOT NULL AND ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.start AS date, i.end AS until, i.kind AS kind, i.name AS what, involved
UNION
MATCH (x)
WHERE $name IS NOT NULL AND NOT x:Report AND NOT x:Assessment
  AND (toLower(x.name) CONTAINS toLower($name) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) CONTAINS toLower($name)))
MATCH (x)-[]-(i:Event)
WHERE i.start IS NOT NULL
WITH DISTINCT i
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.start AS date, i.end AS until, i.kind AS kind, i.name AS what, involved
UNION
MATCH (i:Agreement)
WHERE i.signed IS NOT NULL AND ($name IS NULL OR toLower(i.name) CONTAINS toLower($name))
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.signed AS date, null AS until, 'signing' AS kind, i.name AS what, involved
UNION
MATCH (x)
WHERE $name IS NOT NULL AND NOT x:Report AND NOT x:Assessment
  AND (toLower(x.name) CONTAINS toLower($name) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) CONTAINS toLower($name)))
MATCH (x)-[]-(i:Agreement)
WHERE i.signed IS NOT NULL
WITH DISTINCT i
OPTIONAL MATCH (i)-[]-(y)
WHERE NOT y:Report AND NOT y:Assessment
WITH i, collect(DISTINCT y.name) AS involved
RETURN i.signed AS date, null AS until, 'signing' AS kind, i.name AS what, involved
