namespace FunctionsBatch.Simulator.Tests.TestSupport;

public static class Schemas
{
    public const string Classification = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["category", "priority", "summary"],
          "properties": {
            "category": { "type": "string", "enum": ["billing", "bug", "feature_request", "account_access", "outage", "how_to", "cancellation", "other"] },
            "priority": { "type": "string", "enum": ["low", "medium", "high", "urgent"] },
            "summary": { "type": "string", "maxLength": 160 }
          }
        }
        """;

    public const string Extraction = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["version", "vendor", "amount", "quantity", "paid", "lines", "notes", "contact"],
          "properties": {
            "version": { "const": "v1" },
            "vendor": { "type": "string", "minLength": 40, "maxLength": 60 },
            "amount": { "type": "number", "minimum": 10.5, "exclusiveMaximum": 11 },
            "quantity": { "type": "integer", "minimum": -3, "maximum": 3 },
            "paid": { "type": "boolean" },
            "lines": {
              "type": "array",
              "minItems": 2,
              "maxItems": 4,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["sku", "count"],
                "properties": {
                  "sku": { "type": "string", "maxLength": 8 },
                  "count": { "type": "integer", "minimum": 1, "maximum": 9, "multipleOf": 3 }
                }
              }
            },
            "notes": { "type": ["string", "null"], "maxLength": 20 },
            "contact": { "$ref": "#/$defs/contact" }
          },
          "$defs": {
            "contact": {
              "type": "object",
              "additionalProperties": false,
              "required": ["email", "tags"],
              "properties": {
                "email": { "type": "string", "format": "email" },
                "tags": { "type": "array", "uniqueItems": true, "minItems": 3, "items": { "enum": ["red", "green", "blue", "gold"] } }
              }
            }
          }
        }
        """;
}
