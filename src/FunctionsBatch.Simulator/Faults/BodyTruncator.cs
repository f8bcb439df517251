namespace FunctionsBatch.Simulator.Faults;

/// <summary>Cuts a UTF-8 JSON body in half, on a character boundary, so it reads as text but does not parse.</summary>
public static class BodyTruncator
{
    public static byte[] Truncate(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var length = body.Length / 2;
        while (length > 0 && (body[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return body[..length];
    }
}
