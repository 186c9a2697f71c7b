using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advisor.Rules.Loading;
using Advisor.Rules.Validation;

namespace Advisor.Rules.Calendar;

/// <summary>
/// Reads <c>rules/calendar/cn-holidays.json</c> (described by <c>rules/schema/calendar.schema.json</c>) and
/// checks it, collecting every problem with the file and the field it is in.
/// </summary>
public static class WorkingCalendarLoader
{
    /// <summary>The calendar file, relative to the rules folder.</summary>
    public const string RelativePath = "calendar/cn-holidays.json";

    private const string DateFix = "Write the date as YYYY-MM-DD, e.g. 2025-10-01.";

    private static readonly string[] TopFields = ["$schema", "title", "description", "years"];
    private static readonly string[] YearFields =
        ["year", "status", "notice", "checkedAgainst", "basis", "holidays"];
    private static readonly string[] NoticeFields = ["title", "documentNumber", "date", "url", "alsoAt"];
    private static readonly string[] HolidayFields = ["name", "from", "to", "workingDays", "text"];

    /// <summary>The calendar file inside a rules folder.</summary>
    public static string PathIn(string rulesDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesDirectory);
        return Path.Combine(rulesDirectory, "calendar", "cn-holidays.json");
    }

    /// <summary>Loads and checks a calendar file, or throws with every problem listed.</summary>
    /// <exception cref="RuleCatalogException">The file is missing or has problems.</exception>
    public static WorkingCalendar LoadOrThrow(string path)
    {
        var result = Load(path);
        return result.Calendar ?? throw new RuleCatalogException(result.Problems);
    }

    /// <summary>Loads and checks a calendar file; the calendar is null when any problem was found.</summary>
    public static CalendarLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var problems = new List<RuleProblem>();
        var reader = new Reader(path, problems);
        var years = reader.Read();
        if (problems.Count > 0 || years is null)
            return new CalendarLoadResult(null, problems);

        return new CalendarLoadResult(new WorkingCalendar(years), problems);
    }

    /// <summary>One pass over one file; every check adds to the same problem list.</summary>
    private sealed class Reader(string file, List<RuleProblem> problems)
    {
        private readonly Dictionary<DateOnly, string> _claimed = [];

        public List<CalendarYear>? Read()
        {
            if (!File.Exists(file))
            {
                Problem("$", "The calendar file is missing.",
                    $"Restore rules/{RelativePath}; the service counts working days from it.");
                return null;
            }

            var text = File.ReadAllText(file);
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                });
            }
            catch (JsonException e)
            {
                Problem(e.Path ?? "$", JsonSyntaxText.Describe(e, text),
                    "Correct the JSON syntax there (a missing comma, quote or bracket is the usual cause).");
                return null;
            }

            if (root is not JsonObject top)
            {
                Problem("$", "The file must hold a JSON object.", "Start from the shipped file's layout.");
                return null;
            }

            UnknownFields(top, "$", TopFields);
            if (top["years"] is not JsonArray yearNodes || yearNodes.Count == 0)
            {
                Problem("$.years", "'years' must be a non-empty array.",
                    "List each year the calendar covers.");
                return null;
            }

            var years = new List<CalendarYear>();
            for (var i = 0; i < yearNodes.Count; i++)
            {
                if (ReadYear(yearNodes[i], $"$.years[{i}]") is { } year)
                    years.Add(year);
            }

            CheckConsecutive(years);
            CheckCoverage(years);
            return years;
        }

        private CalendarYear? ReadYear(JsonNode? node, string at)
        {
            if (node is not JsonObject obj)
            {
                Problem(at, "Each year must be an object.", "Give it year, status, basis and holidays.");
                return null;
            }

            UnknownFields(obj, at, YearFields);
            var year = Integer(obj, "year", at);
            var status = Status(obj, at);
            var basis = Text(obj, "basis", at, required: true);
            var notice = obj["notice"] is null ? null : ReadNotice(obj["notice"], $"{at}.notice");
            if (status == CalendarStatus.Confirmed && obj["notice"] is null)
            {
                Problem($"{at}.notice", "A confirmed year needs the notice its dates come from.",
                    "Add the notice's title, documentNumber, date and url, or mark the year unconfirmed.");
            }

            var holidays = new List<HolidayBlock>();
            if (obj["holidays"] is JsonArray blocks)
            {
                for (var i = 0; i < blocks.Count; i++)
                {
                    if (ReadHoliday(blocks[i], $"{at}.holidays[{i}]", year) is { } block)
                        holidays.Add(block);
                }
            }
            else
            {
                Problem($"{at}.holidays", "'holidays' must be an array.",
                    "List the year's holidays (the list may be empty).");
            }

            if (year is null || status is null || basis is null)
                return null;

            return new CalendarYear
            {
                Year = year.Value,
                Status = status.Value,
                Notice = notice,
                Basis = basis,
                CheckedAgainst = Strings(obj, "checkedAgainst", at),
                Holidays = holidays,
            };
        }

        private HolidayNotice? ReadNotice(JsonNode? node, string at)
        {
            if (node is not JsonObject obj)
            {
                Problem(at, "'notice' must be an object.", "Give it title, documentNumber, date and url.");
                return null;
            }

            UnknownFields(obj, at, NoticeFields);
            var title = Text(obj, "title", at, required: true);
            var number = Text(obj, "documentNumber", at, required: true);
            var date = Date(obj, "date", at);
            var url = Text(obj, "url", at, required: true);
            if (url is not null && !url.StartsWith("https://www.gov.cn/", StringComparison.Ordinal))
            {
                Problem($"{at}.url", $"'{url}' is not a page on www.gov.cn.",
                    "Give the notice's address on https://www.gov.cn/.");
            }

            if (title is null || number is null || date is null || url is null)
                return null;

            return new HolidayNotice(title, number, date.Value, url) { AlsoAt = Strings(obj, "alsoAt", at) };
        }

        private HolidayBlock? ReadHoliday(JsonNode? node, string at, int? year)
        {
            if (node is not JsonObject obj)
            {
                Problem(at, "Each holiday must be an object.", "Give it name, from and to.");
                return null;
            }

            UnknownFields(obj, at, HolidayFields);
            var name = Text(obj, "name", at, required: true);
            var from = Date(obj, "from", at);
            var to = Date(obj, "to", at);
            if (from is null || to is null || name is null)
                return null;

            if (to < from)
            {
                Problem($"{at}.to",
                    $"The holiday ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).",
                    "Swap 'from' and 'to', or correct the date.");
                return null;
            }

            if (year is not null && (to.Value.Year < year || from.Value.Year > year))
            {
                Problem(at, $"{name} ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}) has no day in {year}.",
                    "Move the holiday under the year it belongs to.");
            }

            for (var day = from.Value; day <= to.Value; day = day.AddDays(1))
                Claim(day, $"{at}.from", $"a day off of {name}");

            var workingDays = new List<DateOnly>();
            if (obj["workingDays"] is JsonArray days)
            {
                for (var i = 0; i < days.Count; i++)
                {
                    var dayAt = $"{at}.workingDays[{i}]";
                    if (ParseDate(days[i], dayAt) is not { } day)
                        continue;

                    if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        Problem(dayAt, $"{day:yyyy-MM-dd} is a {day.DayOfWeek}, not a weekend day.",
                            "List only the Saturdays and Sundays the notice makes working days (…上班).");
                        continue;
                    }

                    Claim(day, dayAt, $"an adjusted working day for {name}");
                    workingDays.Add(day);
                }
            }
            else if (obj["workingDays"] is not null)
            {
                Problem($"{at}.workingDays", "'workingDays' must be an array of dates.", DateFix);
            }

            return new HolidayBlock(name, from.Value, to.Value)
            {
                WorkingDays = workingDays,
                Text = Text(obj, "text", at, required: false),
            };
        }

        private void CheckConsecutive(List<CalendarYear> years)
        {
            for (var i = 1; i < years.Count; i++)
            {
                if (years[i].Year != years[i - 1].Year + 1)
                {
                    Problem($"$.years[{i}].year",
                        $"Year {years[i].Year} follows {years[i - 1].Year}; years must be consecutive "
                        + "and ascending.",
                        "List every year between the first and the last, in order, each once.");
                }
            }
        }

        private void CheckCoverage(List<CalendarYear> years)
        {
            if (years.Count == 0)
                return;

            var first = years.Min(y => y.Year);
            var last = years.Max(y => y.Year);
            foreach (var (day, what) in _claimed.Where(c => c.Key.Year < first || c.Key.Year > last))
            {
                Problem("$.years", $"{day:yyyy-MM-dd} ({what}) is outside the years the file covers.",
                    "Add the year it falls in, or correct the date.");
            }
        }

        private void Claim(DateOnly day, string at, string what)
        {
            if (_claimed.TryGetValue(day, out var earlier))
            {
                Problem(at, $"{day:yyyy-MM-dd} is {what} but is already {earlier}.",
                    "A date can be listed once: as a day off or as an adjusted working day.");
                return;
            }

            _claimed[day] = what;
        }

        private int? Integer(JsonObject obj, string field, string at)
        {
            if (obj[field] is JsonValue value && value.TryGetValue<int>(out var number))
                return number;

            Problem($"{at}.{field}", $"'{field}' must be a whole number.",
                "Write the year as a number, e.g. 2026.");
            return null;
        }

        private CalendarStatus? Status(JsonObject obj, string at)
        {
            var text = Text(obj, "status", at, required: true);
            switch (text)
            {
                case null:
                    return null;
                case "confirmed":
                    return CalendarStatus.Confirmed;
                case "unconfirmed":
                    return CalendarStatus.Unconfirmed;
                default:
                    Problem($"{at}.status", $"Unknown status '{text}'.",
                        "Use 'confirmed' (checked against the year's notice) or 'unconfirmed'.");
                    return null;
            }
        }

        private string? Text(JsonObject obj, string field, string at, bool required)
        {
            var node = obj[field];
            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0)
                return text;

            if (node is not null || required)
            {
                Problem($"{at}.{field}", $"'{field}' must be a non-empty string.",
                    "Fill it in (see rules/schema/calendar.schema.json).");
            }

            return null;
        }

        private IReadOnlyList<string> Strings(JsonObject obj, string field, string at)
        {
            if (obj[field] is null)
                return [];

            if (obj[field] is JsonArray items
                && items.All(i => i is JsonValue v && v.TryGetValue<string>(out _)))
            {
                return [.. items.Select(i => i!.GetValue<string>())];
            }

            Problem($"{at}.{field}", $"'{field}' must be an array of strings.",
                "Write each entry as a string.");
            return [];
        }

        private DateOnly? Date(JsonObject obj, string field, string at)
        {
            if (obj[field] is null)
            {
                Problem($"{at}.{field}", $"'{field}' is required.", DateFix);
                return null;
            }

            return ParseDate(obj[field], $"{at}.{field}");
        }

        private DateOnly? ParseDate(JsonNode? node, string at)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text)
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
            {
                return date;
            }

            var shown = node is JsonValue given && given.TryGetValue<string>(out var raw)
                ? raw
                : node?.ToJsonString();
            Problem(at, $"'{shown}' is not a date.", DateFix);
            return null;
        }

        private void UnknownFields(JsonObject obj, string at, string[] known)
        {
            foreach (var (name, _) in obj)
            {
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    Problem($"{at}.{name}", $"Unknown field '{name}'.",
                        $"Remove it or correct its spelling; allowed here: {string.Join(", ", known)}.");
                }
            }
        }

        private void Problem(string at, string message, string fix) =>
            problems.Add(new RuleProblem(file, at, message, fix));
    }
}

/// <summary>The outcome of loading the calendar file.</summary>
/// <param name="Calendar">The calendar, or null when there were problems.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record CalendarLoadResult(WorkingCalendar? Calendar, IReadOnlyList<RuleProblem> Problems);
