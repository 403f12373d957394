// Reports loaded
// name: reports
// description: Every report in the graph with its publisher, date and how many entities it mentions.
// example: kg ask reports
MATCH (r:Report)
WITH r
ORDER BY r.published, r.id
LIMIT $limit
RETURN r.id AS id, r.name AS title, r.publisher AS publisher, r.published AS published,
       size([(r)-[:MENTIONS]->(x) | x]) AS mentions
ORDER BY published, id
