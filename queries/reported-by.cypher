// Figures reported by an organisation
// name: reported-by
// description: Shipments and figures attributed to an organisation ("according to the US State Department"), and the judgements in reports it published.
// param organization: string - part of the organisation's name, e.g. "State Department" or Janes
// example: kg ask reported-by --param organization="State Department"
MATCH (s:State)
WITH s
MATCH (s)-[x:SHIPPED]->(r)
WHERE toLower(coalesce(x.attributed_to, '')) CONTAINS toLower($organization)
RETURN x.attributed_to AS reported_by, s.name + ' shipped ' + x.commodity + ' to ' + r.name AS fact,
       x.quantity AS quantity, x.unit AS unit, x.period AS period, size(x.sources) AS reports
ORDER BY reported_by, fact
LIMIT $limit
UNION
MATCH (s:Organization)
WITH s
MATCH (s)-[x:SHIPPED]->(r)
WHERE toLower(coalesce(x.attributed_to, '')) CONTAINS toLower($organization)
RETURN x.attributed_to AS reported_by, s.name + ' shipped ' + x.commodity + ' to ' + r.name AS fact,
       x.quantity AS quantity, x.unit AS unit, x.period AS period, size(x.sources) AS reports
ORDER BY reported_by, fact
LIMIT $limit
UNION
MATCH (rep:Report)
WHERE toLower(coalesce(rep.publisher, '')) CONTAINS toLower($organization)
MATCH (rep)-[:ASSESSES]->(a:Assessment)
RETURN rep.publisher AS reported_by, a.likelihood + ': ' + a.text AS fact, null AS quantity, null AS unit,
       null AS period, 1 AS reports
ORDER BY reported_by, fact
LIMIT $limit
