// Neo4j's own Cypher linter over statements given on stdin as JSON:
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "statements": [{"name": "...", "text": "...", "parameters": ["rows", ...]}]}
// Prints one JSON object per statement with its diagnostics (severity 1 = error, 2 = warning).
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { schema, statements } = JSON.parse(input);
  const out = statements.map((s) => {
    const parameters = Object.fromEntries((s.parameters || []).map((p) => [p, null]));
    const result = lintCypherQuery(s.text, { ...schema, parameters });
    const diagnostics = (result.diagnostics || result).map((d) => ({
      severity: d.severity, message: d.message, offset: d.offsets ? d.offsets.start : null,
    }));
    return { name: s.name, diagnostics };
  });
  process.stdout.write(JSON.stringify(out));
});
