// Profile of an actor
// name: actor-profile
// description: Everything the graph says about a person, state or organisation: roles, events, agreements, visits, stances, with how many reports back each.
// param name: string - part of the actor's name or alias, e.g. Lavrov
// example: kg ask actor-profile --param name=Lavrov
MATCH (n)
WHERE (n.lookup CONTAINS toLower($name) OR n.id = $name) AND (n:Person OR n:State OR n:Organization)
MATCH (n)-[r]-(m)
WHERE NOT type(r) IN ['MENTIONS', 'ABOUT']
RETURN n.name AS actor, type(r) AS relation,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       m.name AS other, labels(m)[0] AS other_kind,
       coalesce(r.title, r.commodity, r.delegation, m.start, m.signed) AS detail,
       size(r.sources) AS reports
ORDER BY actor, relation, other
LIMIT $limit
