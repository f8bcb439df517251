using Microsoft.DurableTask.Converters;
using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>
/// DurableTask.Core's converter contract over Microsoft.DurableTask's <see cref="JsonDataConverter.Default"/>,
/// so what the client stores is byte-for-byte what the shims read (the DTFx default would add <c>$type</c>).
/// </summary>
public sealed class SystemTextJsonDataConverter : CoreDataConverter
{
    public static SystemTextJsonDataConverter Instance { get; } = new();

    public override string Serialize(object value) => JsonDataConverter.Default.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => JsonDataConverter.Default.Deserialize(data, objectType)!;

    public T? Read<T>(string? data) => data is null ? default : (T?)JsonDataConverter.Default.Deserialize(data, typeof(T));
}
