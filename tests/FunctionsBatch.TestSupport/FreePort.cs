using System.Net;
using System.Net.Sockets;

namespace FunctionsBatch.TestSupport;

/// <summary>
/// Ports for the services a test or benchmark starts. They come from below Linux's ephemeral range (32768–60999): a port from
/// that range can be taken by any outgoing connection between the pick and the service's bind, and the service
/// then fails to start. Each port is handed out once per process and checked to be free at the pick.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 12000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = First + Random.Shared.Next(Count);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free port between {First} and {First + Count}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
