// How two entities are connected
// name: path-between
// description: The shortest chains of facts (up to four steps, provenance links left out) linking two entities.
// param a: string - part of the first entity's name or alias, e.g. Belozerov
// param b: string - part of the second entity's name or alias, e.g. Najin
// example: kg ask path-between --param a=Belozerov --param b="Tumen"
MATCH (x)
WHERE (x.lookup CONTAINS toLower($a) OR x.id = $a) AND NOT x:Report AND NOT x:Assessment
MATCH (y)
WHERE (y.lookup CONTAINS toLower($b) OR y.id = $b) AND NOT y:Report AND NOT y:Assessment AND y <> x
MATCH p = (x)-[:ATTENDED|HOLDS_ROLE|SIGNED|PARTY_TO|SIGNED_AT|HAS_ARTICLE|CONCERNS|RENEWS|HELD_IN|LOCATED_IN|BORDERS|ROUTE_LEG|SHIPPED|VISITED|MET_WITH|CALLED_AT|FLAGGED_IN|OWNED_BY|SEIZED|SANCTIONED|OPPOSES|SUPPORTS*1..4]-(y)
WITH p, length(p) AS steps
ORDER BY steps
LIMIT $limit
RETURN steps, [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | type(r)] AS relations
