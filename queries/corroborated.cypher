// Facts backed by several reports
// name: corroborated
// description: Relationships supported by at least a given number of reports, most corroborated first.
// param min_reports: int - the least number of reports, e.g. 2
// example: kg ask corroborated --param min_reports=2
MATCH (a)
WHERE size(a.sources) >= $min_reports
MATCH (a)-[r]->(b)
WHERE size(r.sources) >= $min_reports AND NOT type(r) IN ['MENTIONS', 'ABOUT', 'ASSESSES']
RETURN a.name AS subject, type(r) AS relation, b.name AS object,
       coalesce(r.title, r.commodity, r.mode) AS detail, size(r.sources) AS reports
ORDER BY reports DESC, relation, subject, object
LIMIT $limit
