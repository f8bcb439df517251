using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>
/// A Chrome DevTools Protocol connection to one page target over a WebSocket: commands by id, answers matched
/// to them, events kept for <see cref="WaitForEventAsync"/>.
/// </summary>
public sealed class CdpSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private CdpSession()
    {
    }

    public static async Task<CdpSession> ConnectAsync(Uri webSocketUrl, CancellationToken cancellationToken)
    {
        var session = new CdpSession();
        session._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await session._socket.ConnectAsync(webSocketUrl, cancellationToken).ConfigureAwait(false);
        session._receiving = Task.Run(session.ReceiveLoopAsync);
        return session;
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error throws with the command's name.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var response = await answer.Task.WaitAsync(timeout).ConfigureAwait(false);
            return response.TryGetProperty("error", out var error)
                ? throw new InvalidOperationException($"CDP {method} failed: {error}")
                : response.GetProperty("result");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"CDP {method} got no answer within {timeout}.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Waits until an event of that name has arrived (also one that arrived before the call).</summary>
    public async Task WaitForEventAsync(string method, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_events.Contains(method))
            {
                return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"No CDP event {method} within {timeout}.");
    }

    public void ClearEvents() => _events.Clear();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException)
            {
            }
        }

        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }

    private void Dispatch(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id) && _pending.TryGetValue(id.GetInt32(), out var answer))
        {
            answer.TrySetResult(root.Clone());
        }
        else if (root.TryGetProperty("method", out var method))
        {
            _events.Enqueue(method.GetString()!);
        }
    }
}
