namespace FunctionsBatch.Simulator.Chat;

public enum ResponseFormatKind
{
    Text,
    JsonObject,
    JsonSchema,
}
