namespace FunctionsBatch.Core.Intake;

/// <summary>
/// What a run has drained so far, rebuilt from its intake log on every (re-)execution: which messages were taken
/// (so a re-delivered one is only deleted) and which record ids were staged (so a second message with the same
/// id is rejected, not processed twice).
/// </summary>
public sealed class IntakeLog
{
    private readonly Dictionary<string, IntakeEntry> _byMessage = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recordIds = new(StringComparer.Ordinal);

    /// <summary>Distinct messages taken: staged plus rejected.</summary>
    public int Count => _byMessage.Count;

    public int Staged => _recordIds.Count;

    public int Rejected => Count - Staged;

    public IntakeEntry? Find(string messageId) => _byMessage.GetValueOrDefault(messageId);

    /// <summary>Decides what a new message becomes and remembers it; call <see cref="Find"/> first for re-deliveries.</summary>
    public IntakeEntry Admit(string messageId, string body)
    {
        var entry = QueueMessageDecoder.Decode(body, out var code, out var problem) is { } decoded
            ? _recordIds.Contains(decoded.RecordId)
                ? IntakeEntry.Rejected(messageId, decoded.RecordId, IntakeErrorCodes.DuplicateId, $"record id \"{decoded.RecordId}\" was already taken from another message of this run")
                : IntakeEntry.Record(messageId, decoded.RecordId, decoded.Record.GetRawText())
            : IntakeEntry.Rejected(messageId, null, code!, problem!);
        Add(entry);
        return entry;
    }

    public void Add(IntakeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_byMessage.TryAdd(entry.MessageId, entry) && entry.IsRecord)
        {
            _recordIds.Add(entry.RecordId!);
        }
    }

    /// <summary>Forgets entries whose append failed, so a retry decides them again.</summary>
    public void Remove(IEnumerable<IntakeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (_byMessage.Remove(entry.MessageId) && entry.IsRecord)
            {
                _recordIds.Remove(entry.RecordId!);
            }
        }
    }
}
