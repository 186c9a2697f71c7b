using Advisor.Bot.Dialogue;
using Advisor.Bot.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Advisor.Bot.Tests;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GetOrStart_SameIdWithinIdleTime_ReturnsTheSameConversation()
    {
        var store = Create(idle: TimeSpan.FromMinutes(30));
        var state = store.GetOrStart(null);
        state.ProcedureId = "34";

        _time.Advance(TimeSpan.FromMinutes(29));
        var again = store.GetOrStart(state.Id);

        Assert.Same(state, again);
        Assert.Equal("34", again.ProcedureId);
    }

    [Fact]
    public void GetOrStart_IdleLongerThanTimeout_StartsANewConversation()
    {
        var store = Create(idle: TimeSpan.FromMinutes(30));
        var state = store.GetOrStart(null);
        state.ProcedureId = "34";

        _time.Advance(TimeSpan.FromMinutes(31));
        var after = store.GetOrStart(state.Id);

        Assert.NotEqual(state.Id, after.Id);
        Assert.Null(after.ProcedureId);
        Assert.False(store.Contains(state.Id));
    }

    [Fact]
    public void GetOrStart_ActivityKeepsAConversationAlive()
    {
        var store = Create(idle: TimeSpan.FromMinutes(10));
        var state = store.GetOrStart(null);

        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(9));
            Assert.Same(state, store.GetOrStart(state.Id));
        }
    }

    [Fact]
    public void GetOrStart_MoreThanTheMaximum_DropsTheLeastRecentlyUsed()
    {
        var store = Create(max: 3);
        var first = store.GetOrStart(null);
        var second = store.GetOrStart(null);
        var third = store.GetOrStart(null);
        store.GetOrStart(first.Id);

        var fourth = store.GetOrStart(null);

        Assert.Equal(3, store.Count);
        Assert.True(store.Contains(first.Id));
        Assert.False(store.Contains(second.Id));
        Assert.True(store.Contains(third.Id));
        Assert.True(store.Contains(fourth.Id));
    }

    [Fact]
    public void GetOrStart_ManyConversations_MemoryStaysBounded()
    {
        var store = Create(max: 100);

        for (var i = 0; i < 10_000; i++)
            store.GetOrStart(null);

        Assert.Equal(100, store.Count);
    }

    [Fact]
    public void GetOrStart_Ids_AreLongRandomAndUrlSafe()
    {
        var store = Create(max: 5000);

        var ids = Enumerable.Range(0, 2000).Select(_ => store.GetOrStart(null).Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(22, id.Length);
            Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', id));
        });
    }

    [Fact]
    public void GetOrStart_UnknownId_StartsANewConversationWithAnotherId()
    {
        var store = Create();

        var state = store.GetOrStart("AAAAAAAAAAAAAAAAAAAAAA");

        Assert.NotEqual("AAAAAAAAAAAAAAAAAAAAAA", state.Id);
    }

    [Fact]
    public async Task GetOrStart_FromManyThreads_KeepsEveryConversationApart()
    {
        var store = Create(max: 100_000);

        var states = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var state = store.GetOrStart(null);
            state.ProcedureId = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var j = 0; j < 200; j++)
                Assert.Same(state, store.GetOrStart(state.Id));
            return state;
        })));

        Assert.Equal(64, states.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(64, store.Count);
    }

    [Fact]
    public void Record_LongConversation_KeepsOnlyTheLastMessages()
    {
        var state = new ConversationState("x", _time.GetUtcNow());

        for (var i = 0; i < 50; i++)
            state.Record("user", $"message {i}");

        Assert.Equal(ConversationState.TranscriptLength, state.Transcript.Count);
        Assert.Equal("message 49", state.Transcript[^1].Text);
    }

    private ConversationStore Create(TimeSpan? idle = null, int max = 1000) =>
        new(Options.Create(new BotOptions { IdleTimeout = idle ?? TimeSpan.FromMinutes(30), MaxConversations = max }), _time);
}
