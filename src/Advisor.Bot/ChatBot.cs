using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Advisor.Bot.Answers;
using Advisor.Bot.Dialogue;
using Advisor.Bot.Functions;
using Advisor.Bot.Text;
using Advisor.Bot.Understanding;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace Advisor.Bot;

/// <summary>
/// The bot: masks identity-card and phone numbers, reads the message, decides the procedure and the
/// intent with what the conversation already knows, and answers through the kernel functions (the
/// deterministic route). When a model is configured, it may phrase the reply from the same functions;
/// any failure falls back to the deterministic reply.
/// </summary>
internal sealed class ChatBot(
    ProcedureCatalog catalog,
    Interpreter interpreter,
    AnswerWriter writer,
    ConversationStore conversations,
    SkKernel kernel,
    ModelRoute model,
    EligibilityEvaluator eligibility,
    TimeProvider time,
    ILogger<ChatBot> logger) : IChatBot
{
    /// <summary>A procedure scoring this much, clearly ahead of the next one, is taken as meant.</summary>
    internal const double AcceptScore = 0.55;

    /// <summary>Between this and <see cref="AcceptScore"/> the bot asks which procedure was meant.</summary>
    internal const double ClarifyScore = 0.3;

    /// <summary>A message naming a topic outside the duties must name a procedure this clearly.</summary>
    internal const double SureScore = 1.0;

    /// <summary>A procedure scoring this much with no rival near is taken as meant too.</summary>
    internal const double LoneScore = 0.42;

    /// <summary>"No rival near": the runner-up scores under this share of the best.</summary>
    internal const double LoneRatio = 0.6;

    /// <summary>A runner-up within this share of the best score makes the bot ask.</summary>
    internal const double CloseRatio = 0.8;

    /// <summary>A reply this short to the bot's question is read as the answer, whatever it resembles.</summary>
    private const int ShortReply = 6;

    /// <summary>At most this many candidates are offered.</summary>
    private const int MaxChoices = 3;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public BotReply Welcome() => Reply(writer.Welcome());

    public async Task<ChatTurn> ReplyAsync(string? conversationId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var started = Stopwatch.GetTimestamp();
        var masked = PiiMasker.Mask(text);
        var state = conversations.GetOrStart(conversationId);

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            Log.Message(logger, masked);
            state.Record("user", masked);

            var answer = await AnswerSafelyAsync(state, masked, cancellationToken);
            var reply = Reply(answer);
            var route = "deterministic";
            if (model.IsAvailable && answer.Intent is not (Intents.Clarify or Intents.Unknown or Intents.OutOfScope))
            {
                if (await model.TryReplyAsync(state, masked, answer, cancellationToken) is { } phrased)
                {
                    reply = phrased;
                    route = "model";
                }
            }

            state.Record("assistant", reply.Text);
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            Log.Turn(logger, reply.Intent, reply.ProcedureId, route, elapsed);
            return new ChatTurn(state.Id, [reply]);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// The answer, or when something unforeseen breaks on the way, a plain apology with where to ask: a
    /// resident gets a reply, not an error page, and the failure is logged (without the message).
    /// </summary>
    private async Task<ToolAnswer> AnswerSafelyAsync(ConversationState state, string masked, CancellationToken cancellationToken)
    {
        try
        {
            return await DecideAsync(state, masked, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TurnFailed(logger, e);
            state.PendingFact = null;
            state.PendingChoices = [];
            return writer.Unavailable();
        }
    }

    private async Task<ToolAnswer> DecideAsync(ConversationState state, string masked, CancellationToken cancellationToken)
    {
        var current = state.ProcedureId is { } id ? catalog.Find(id) : null;

        // The masks stand for numbers, not for the documents their words name (身份证号已隐藏).
        var read = interpreter.Read(PiiMasker.Unmasked(masked), current);
        Log.Reading(logger, read.Intent ?? "none", new CandidateList(read.Candidates), read.UnknownShare);

        if (current is not null && state.PendingFact is not null
            && await AnswerPendingAsync(state, current, read, cancellationToken) is { } answered)
            return answered;

        state.PendingFact = null;
        if (state.PendingChoices.Count > 0 && Chosen(state, read) is { } chosen)
        {
            var intent = read.Intent ?? state.PendingIntent ?? Intents.Steps;
            state.PendingChoices = [];
            state.SwitchTo(chosen.Id);
            Remember(state, read.Facts);
            return await AnswerAsync(state, chosen, intent, read, cancellationToken);
        }

        // 「要准备哪些材料」 after 「您问的是哪一项？」 says what is wanted, not which: ask the same again,
        // keeping what is now asked, without counting it as not understood.
        if (state.PendingChoices.Count > 0 && read.Intent is { } wanted && Intents.NeedsProcedure(wanted)
            && (read.Best is null || read.BestScore < ClarifyScore))
        {
            state.PendingIntent = wanted;
            return writer.WhichProcedure([.. state.PendingChoices.Select(catalog.Find).OfType<Procedure>()]);
        }

        state.PendingChoices = [];
        var best = read.Best;
        var strong = best is not null && read.BestScore >= (read.OutOfScope ? SureScore : AcceptScore)
            && (read.SecondScore < read.BestScore * CloseRatio || best.Procedure == current);

        // A weaker match with no rival names the procedure too, unless the message goes on about the
        // current one.
        strong |= best is not null && !read.OutOfScope && read.UnknownShare < 0.5 && read.BestScore >= LoneScore
            && read.SecondScore < read.BestScore * LoneRatio && (current is null || !Continues(read));

        // 「你会什么」, 「能办哪些事」 in the middle of a conversation: the question, not the procedure.
        if (!strong && read.Intent is Intents.List or Intents.Help)
            return Invoke(read.Intent == Intents.List ? writer.List() : writer.Help(), state);

        // 「村民代表会议通过了，下一步呢」 in a conversation about 宅基地: a step name other procedures share
        // does not move the conversation while the current procedure is among those it names.
        // Nor does a procedure that only shares a rare word with the message (身份证有，还差啥).
        if (strong && current is not null && best!.Procedure != current && Continues(read)
            && (!best.ByName || read.Intent is Intents.NextStep or null && Mentions(read, current, read.BestScore * 0.6)))
            strong = false;

        Procedure? procedure = null;
        if (strong)
            procedure = best!.Procedure;
        else if (current is not null && !read.OutOfScope && (Continues(read) || Mentions(read, current)))
            procedure = current;
        else if (best is not null && read.BestScore >= ClarifyScore && !read.OutOfScope
            && read.Intent is not (Intents.List or Intents.Help))
        {
            // Only one procedure comes into question at all: answer about it rather than ask.
            if (read.SecondScore >= ClarifyScore || read.UnknownShare >= 0.5)
                return Clarify(state, read);
            procedure = best.Procedure;
        }

        if (procedure is null)
            return Unplaced(state, read);

        var previous = state.ProcedureId;
        state.SwitchTo(procedure.Id);
        Remember(state, read.Facts);
        // 「你好」 or 「你会什么」 next to a procedure's name: the procedure is what matters.
        var asked = read.Intent is Intents.List or Intents.Help ? null : read.Intent;
        var chosenIntent = asked ?? ImpliedIntent(state, read, procedure, switched: previous != procedure.Id, hadProcedure: previous is not null,
            disqualifies: await DisqualifiesAsync(state, read, procedure, cancellationToken));
        return await AnswerAsync(state, procedure, chosenIntent, read, cancellationToken);
    }

    /// <summary>Reads an answer to the question the bot asked; null when the message is something else.</summary>
    private async Task<ToolAnswer?> AnswerPendingAsync(
        ConversationState state, Procedure current, Interpretation read, CancellationToken cancellationToken)
    {
        var fact = current.FindFact(state.PendingFact!) ?? catalog.Vocabulary.Find(state.PendingFact!);
        var value = fact is null ? null : interpreter.Facts.ReadAnswer(fact, read.Text);

        // 「在，一直在村里」: an answer that opens the message, then says more.
        var opening = OpeningClause(read.Text);
        if (value is null && fact is not null && opening.Length <= ShortReply && opening.Length < read.Text.Length)
            value = interpreter.Facts.ReadAnswer(fact, opening);

        // A short reply is an answer even when it names another procedure (「低保」 to 「是不是低保户？」);
        // a longer one that names another procedure or asks something else is a new question. So is a
        // short one that asks for something else (「要带啥」 is no 「要」), unless it states the fact itself.
        var asksElse = read.Intent is not (null or Intents.Eligibility)
            && (fact is null || !read.Facts.ContainsKey(fact.Name));
        var shortReply = !asksElse && (read.Text.Length <= ShortReply || opening.Length < read.Text.Length && value is not null)
            || fact is { Type: FactType.Enum } && fact.Values.Any(v => TextFold.Normalize(v.Label) == read.Text);
        var elsewhere = read.BestScore >= AcceptScore && read.Best!.Procedure != current;
        if (!shortReply && (elsewhere || read.Intent is not (null or Intents.Eligibility)))
            return null;

        if (value is not null)
        {
            Remember(state, read.Facts);
            state.Facts[fact!.Name] = value;
            state.PendingFact = null;
            return await AnswerAsync(state, current, Intents.Eligibility, read, cancellationToken);
        }

        // Not this answer but another fact of the procedure (「低保」 when asked about the certificate):
        // keep it, and ask again.
        if (shortReply && OtherFact(current, read.Text, fact) is { } other)
        {
            state.Facts[other.Name] = other.Value;
            return await AnswerAsync(state, current, Intents.Eligibility, read, cancellationToken);
        }

        if (read.Intent is not null || read.Facts.Count > 0 || read.BestScore >= ClarifyScore)
            return null;

        // Not an answer and nothing else either: ask again, and give up after two tries.
        if (++state.Misunderstood >= 2)
        {
            state.Misunderstood = 0;
            state.PendingFact = null;
            return writer.OutOfScope(misunderstood: true);
        }

        var again = await AnswerAsync(state, current, Intents.Eligibility, read, cancellationToken, keepCount: true);
        return again with { Text = "没听明白您的回答。" + again.Text };
    }

    /// <summary>Normalised text up to its first pause (punctuation is folded into a space).</summary>
    private static string OpeningClause(string text)
    {
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>A value of another enum fact of the procedure named by its label, when exactly one is.</summary>
    private static (string Name, object Value)? OtherFact(Procedure procedure, string text, FactDefinition? asked)
    {
        var found = procedure.Facts
            .Where(f => f.Type == FactType.Enum && f.Name != asked?.Name)
            .SelectMany(f => f.Values.Where(v => text.Contains(TextFold.Normalize(TextFold.WithoutAsides(v.Label)), StringComparison.Ordinal))
                .Select(v => (f.Name, (object)v.Value)))
            .ToArray();
        return found.Length == 1 ? found[0] : null;
    }

    private Procedure? Chosen(ConversationState state, Interpretation read)
    {
        // 「是」 to 「您问的是「高龄津贴」吗？」.
        if (state.PendingChoices.Count == 1 && read.Text.Length <= ShortReply && interpreter.Facts.ReadYesNo(read.Text) == true)
            return catalog.Find(state.PendingChoices[0]);

        // 「1」, 「第二个」: the place of the choice in the list offered.
        if (read.Text.Length <= 4 && ChineseNumbers.ToDigits(read.Text) is var digits
            && int.TryParse(digits.Trim('第', '个', '项', '条', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var place)
            && place >= 1 && place <= state.PendingChoices.Count)
            return catalog.Find(state.PendingChoices[place - 1]);

        var match = read.Candidates.FirstOrDefault(c => state.PendingChoices.Contains(c.Procedure.Id));
        if (match is null || match.Score < ClarifyScore || match.Score < read.BestScore * CloseRatio)
            return null;

        return match.Procedure;
    }

    /// <summary>Whether the current procedure is among those the message could be about.</summary>
    private static bool Mentions(Interpretation read, Procedure current, double atLeast = ClarifyScore) =>
        read.Candidates.Any(c => c.Procedure == current && c.Score >= Math.Max(ClarifyScore, atLeast));

    /// <summary>Whether a message without a procedure of its own goes on about the current one.</summary>
    private static bool Continues(Interpretation read) =>
        read.Intent is not null || read.Facts.Count > 0 || read.Materials.Count > 0 || read.Submitted.Count > 0
        || read.Outcome is not null;

    /// <summary>
    /// Whether facts stated in passing (「她厂里交着职工医保」) make the applicant ineligible: that is what a
    /// resident must hear, whatever was asked before.
    /// </summary>
    private async Task<bool> DisqualifiesAsync(
        ConversationState state, Interpretation read, Procedure procedure, CancellationToken cancellationToken)
    {
        if (read.Facts.Count == 0 || !EligibilityEvaluator.HasRules(procedure))
            return false;

        // The conversation's facts are already typed by the vocabulary they were read with.
        var facts = FactSet.Create(state.Facts.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal));
        var result = await eligibility.EvaluateAsync(procedure, facts, cancellationToken);
        return result.Decision == Decision.Ineligible;
    }

    private string ImpliedIntent(
        ConversationState state, Interpretation read, Procedure procedure, bool switched, bool hadProcedure,
        bool disqualifies)
    {
        if (disqualifies && !switched)
            return Intents.Eligibility;

        // 「同意的有20个呢」 while checking a meeting: the counts answer the eligibility question, though 同意
        // also reads as a step's outcome.
        if (read.Facts.Count > 0 && !switched && state.LastIntent == Intents.Eligibility)
            return Intents.Eligibility;

        if (read.Outcome is not null && !switched)
            return Intents.NextStep;

        if (read.Facts.Count > 0 && !switched)
        {
            return state.LastIntent is Intents.Materials or Intents.Eligibility or Intents.Completeness
                ? state.LastIntent
                : EligibilityEvaluator.HasRules(procedure) ? Intents.Eligibility : Intents.Materials;
        }

        // 「照片要几寸」 asks about a paper; 「身份证、户口本」 lists what was brought.
        if ((read.Materials.Count > 0 || read.Submitted.Count > 0) && !switched)
            return read.Submitted.Count == 0 && AsksAbout(read.Text) ? Intents.Materials : Intents.Completeness;

        // 「那低保呢」 after a question about another procedure asks the same about this one.
        if (switched && hadProcedure && state.LastIntent is { } last && Intents.NeedsProcedure(last))
            return last is Intents.NextStep or Intents.Completeness ? Intents.Steps : last;

        return Intents.Steps;
    }

    private bool AsksAbout(string text) =>
        interpreter.Lexicon.QuestionWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    private ToolAnswer Clarify(ConversationState state, Interpretation read)
    {
        var choices = read.Candidates.Where(c => c.Score >= ClarifyScore).Take(MaxChoices)
            .Select(c => c.Procedure).ToArray();
        state.PendingChoices = [.. choices.Select(p => p.Id)];
        state.PendingIntent = read.Intent;
        Remember(state, read.Facts);
        return Misunderstood(state) ?? writer.WhichProcedure(choices);
    }

    private ToolAnswer Unplaced(ConversationState state, Interpretation read)
    {
        switch (read.Intent)
        {
            case Intents.List:
                return Invoke(writer.List(), state);
            case Intents.Help:
                return Invoke(writer.Help(), state);
        }

        if (read.OutOfScope || read.UnknownShare >= 0.5)
            return Invoke(writer.OutOfScope(misunderstood: false), state);

        if (read.Intent is { } intent && Intents.NeedsProcedure(intent))
        {
            state.PendingIntent = intent;
            return Misunderstood(state) ?? writer.WhichProcedure([]);
        }

        return Misunderstood(state) ?? writer.NotUnderstood();
    }

    /// <summary>Counts a message not understood; the second in a row gets the plain "ask elsewhere".</summary>
    private ToolAnswer? Misunderstood(ConversationState state)
    {
        if (++state.Misunderstood < 2)
            return null;

        state.Misunderstood = 0;
        state.PendingChoices = [];
        return writer.OutOfScope(misunderstood: true);
    }

    private static ToolAnswer Invoke(ToolAnswer answer, ConversationState state)
    {
        state.Misunderstood = 0;
        return answer;
    }

    private async Task<ToolAnswer> AnswerAsync(
        ConversationState state,
        Procedure procedure,
        string intent,
        Interpretation read,
        CancellationToken cancellationToken,
        bool keepCount = false)
    {
        var facts = JsonSerializer.Serialize(state.Facts);
        var arguments = new KernelArguments { ["procedureId"] = procedure.Id };
        string function;
        switch (intent)
        {
            case Intents.Materials:
                function = "get_materials";
                arguments["facts"] = facts;
                break;
            case Intents.NextStep:
                function = "get_next_steps";
                arguments["currentStep"] = StepLocator.FromOutcome(procedure, StepLocator.Find(procedure, read.Text), read.Outcome)
                    ?? state.LastStepId;
                arguments["outcome"] = read.Outcome;
                break;
            case Intents.Eligibility:
                function = "check_eligibility";
                arguments["facts"] = facts;
                arguments["withFlow"] = read.AsksHowToo;
                break;
            case Intents.Completeness:
                function = "check_completeness";
                state.Bring(read.Submitted.Count > 0
                    ? read.Submitted
                    : read.Materials.Select(m => m.Text).Distinct(StringComparer.Ordinal));
                arguments["submitted"] = string.Join("、", state.Brought);
                arguments["facts"] = facts;
                break;
            case Intents.Responsible:
                function = "get_responsible";
                break;
            case Intents.Publicity:
                function = "get_publicity";
                var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
                if (DateReader.Find(read.Text, today) is { } start)
                    arguments["start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case Intents.Risks:
                function = "get_risks";
                break;
            default:
                function = "get_steps";
                arguments["facts"] = facts;
                break;
        }

        var result = await kernel.InvokeAsync(AdvisorFunctions.PluginName, function, arguments, cancellationToken);
        var answer = result.GetValue<ToolAnswer>()
            ?? throw new InvalidOperationException($"Kernel function {function} returned no answer.");

        state.LastIntent = answer.Intent;
        state.LastStepId = answer.StepId ?? state.LastStepId;
        state.PendingFact = answer.AskedFact;
        if (!keepCount)
            state.Misunderstood = 0;
        return answer;
    }

    private static void Remember(ConversationState state, Dictionary<string, object> facts)
    {
        foreach (var (name, value) in facts)
            state.Facts[name] = value;
    }

    private static BotReply Reply(ToolAnswer answer) =>
        new(answer.Text, answer.SuggestedActions, answer.ProcedureId, answer.Intent);
}
