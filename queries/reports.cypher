// Reports loaded
// name: reports
// description: Every report in the graph with its publisher, date and how many entities it mentions.
// example: kg ask reports
MATCH (r:Report)
OPTIONAL MATCH (r)-[:MENTIONS]->(x)
RETURN r.id AS id, r.name AS title, r.publisher AS publisher, r.published AS published,
       count(x) AS mentions
ORDER BY published, id
