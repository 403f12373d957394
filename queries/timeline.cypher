// Timeline of dated events
// name: timeline
// description: Dated events, and agreements by signing date, in order; only those involving a named actor, place or agreement when a name is given.
// param name: string? - part of a name involved, e.g. "Kim Jong Un"; omit for everything
// example: kg ask timeline --param name="Kim Jong Un"
MATCH (e:Event)
WHERE e.start IS NOT NULL
OPTIONAL MATCH (e)-[]-(x)
WHERE NOT x:Report AND NOT x:Assessment
WITH e, collect(DISTINCT x.name) AS involved
WHERE $name IS NULL OR toLower(e.name) CONTAINS toLower($name)
   OR any(n IN involved WHERE toLower(n) CONTAINS toLower($name))
RETURN e.start AS date, e.end AS until, e.kind AS kind, e.name AS what, involved
UNION
MATCH (a:Agreement)
WHERE a.signed IS NOT NULL
OPTIONAL MATCH (a)-[]-(x)
WHERE NOT x:Report AND NOT x:Assessment
WITH a, collect(DISTINCT x.name) AS involved
WHERE $name IS NULL OR toLower(a.name) CONTAINS toLower($name)
   OR any(n IN involved WHERE toLower(n) CONTAINS toLower($name))
RETURN a.signed AS date, null AS until, 'signing' AS kind, a.name AS what, involved
