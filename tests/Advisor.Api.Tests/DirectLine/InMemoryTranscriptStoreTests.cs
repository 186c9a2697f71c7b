using System.Globalization;
using Advisor.Api.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Advisor.Api.Tests.DirectLine;

public sealed class InMemoryTranscriptStoreTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task AppendAsync_SameInstant_TimestampsStrictlyIncreaseByMilliseconds()
    {
        var store = CreateStore();
        await store.CreateAsync("c", default);

        var stored = await store.AppendAsync("c", [Message("a"), Message("b"), Message("c")], default);

        var times = stored!.Select(a => DateTime.Parse(a.Timestamp!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.All(times, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        Assert.Equal(TimeSpan.FromMilliseconds(1), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(1), times[2] - times[1]);
        Assert.Equal(["c|0000001", "c|0000002", "c|0000003"], stored!.Select(a => a.Id));
    }

    [Fact]
    public async Task AppendAsync_UnknownConversation_ReturnsNull()
    {
        var store = CreateStore();

        var stored = await store.AppendAsync("nobody", [Message("a")], default);

        Assert.Null(stored);
    }

    [Fact]
    public async Task ReadAsync_IdleLongerThanLifetime_ForgetsConversation()
    {
        var store = CreateStore(o => o.ConversationLifetime = TimeSpan.FromMinutes(10));
        await store.CreateAsync("c", default);

        _clock.Advance(TimeSpan.FromMinutes(9));
        var stillThere = await store.ReadAsync("c", 0, default);
        _clock.Advance(TimeSpan.FromMinutes(9));
        var touchedRecently = await store.ReadAsync("c", 0, default);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var gone = await store.ReadAsync("c", 0, default);

        Assert.NotNull(stillThere);
        Assert.NotNull(touchedRecently);
        Assert.Null(gone);
    }

    [Fact]
    public async Task CreateAsync_AtMaxConversations_DropsLeastRecentlyUsed()
    {
        var store = CreateStore(o => o.MaxConversations = 2);
        await store.CreateAsync("old", default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync("used", default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.ReadAsync("old", 0, default);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await store.CreateAsync("new", default);

        Assert.Equal(2, store.Count);
        Assert.True(await store.ExistsAsync("old", default));
        Assert.False(await store.ExistsAsync("used", default));
        Assert.True(await store.ExistsAsync("new", default));
    }

    [Fact]
    public async Task ReadAsync_PastMaxActivities_KeepsNewestAndWatermarks()
    {
        var store = CreateStore(o => o.MaxActivitiesPerConversation = 10);
        await store.CreateAsync("c", default);
        for (var i = 1; i <= 15; i++)
            await store.AppendAsync("c", [Message(i.ToString(CultureInfo.InvariantCulture))], default);

        var all = await store.ReadAsync("c", 0, default);
        var after12 = await store.ReadAsync("c", 12, default);

        Assert.Equal(Enumerable.Range(6, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), all!.Activities.Select(a => a.Text));
        Assert.Equal(["13", "14", "15"], after12!.Activities.Select(a => a.Text));
        Assert.Equal(15, after12.Watermark);
    }

    [Fact]
    public async Task ReadAsync_WatermarkBeyondEnd_ReturnsNothingAndCurrentWatermark()
    {
        var store = CreateStore();
        await store.CreateAsync("c", default);
        await store.AppendAsync("c", [Message("a")], default);

        var page = await store.ReadAsync("c", 99, default);

        Assert.Empty(page!.Activities);
        Assert.Equal(1, page.Watermark);
    }

    [Fact]
    public async Task CreateAsync_ExistingConversation_ReturnsFalse()
    {
        var store = CreateStore();

        var first = await store.CreateAsync("c", default);
        var second = await store.CreateAsync("c", default);

        Assert.True(first);
        Assert.False(second);
    }

    private InMemoryTranscriptStore CreateStore(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new InMemoryTranscriptStore(Options.Create(options), _clock, NullLogger<InMemoryTranscriptStore>.Instance);
    }

    private static Activity Message(string text) => new() { Type = "message", Text = text };
}
