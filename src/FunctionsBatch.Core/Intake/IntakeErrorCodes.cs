namespace FunctionsBatch.Core.Intake;

/// <summary>Why a queue message did not become a record; written with it to the poison queue and its result row.</summary>
public static class IntakeErrorCodes
{
    /// <summary>Neither a JSON object nor base64 of one.</summary>
    public const string InvalidMessage = "invalid_message";

    /// <summary>A JSON object without a usable string <c>id</c>.</summary>
    public const string InvalidRecord = "invalid_record";

    /// <summary>Another message of this run already carried the record id.</summary>
    public const string DuplicateId = "duplicate_id";
}
