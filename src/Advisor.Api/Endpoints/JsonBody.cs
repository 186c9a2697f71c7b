using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Advisor.Rules.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>
/// Reads a JSON request body field by field and lists every field that cannot be read, with its JSON
/// path and what it should hold: the framework's own binding stops at the first bad field, does not say
/// which one it was, and its message names .NET types.
/// </summary>
internal static class JsonBody
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. A field that cannot be read is left out of the body and
    /// its problem added to the errors, so that the caller can go on to check the other fields; the body
    /// is null only when nothing could be read at all. A field is left out whole: in a list with an item
    /// of the wrong type, the other items are not checked.
    /// </summary>
    public static Task<(T? Body, FieldErrors Errors)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync<T>(request, null, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(HttpRequest, CancellationToken)"/>; an empty body is <paramref name="whenEmpty"/>.
    /// </summary>
    public static async Task<(T? Body, FieldErrors Errors)> ReadAsync<T>(
        HttpRequest request, T? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        // Read whole, whether sent with a length, chunked or with no headers at all, so that an empty
        // body is found the same way each time.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (json.Span.StartsWith(ByteOrderMark))
            json = json[ByteOrderMark.Length..];

        var errors = new FieldErrors();
        if (!json.IsEmpty && !request.HasJsonContentType())
            return (null, errors.Add("body", "请求体应为 JSON（Content-Type: application/json）。"));

        var reading = ReaderOptions(RuleJson.Options);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = reading.AllowTrailingCommas,
                CommentHandling = reading.CommentHandling,
                MaxDepth = reading.MaxDepth,
            });
        }
        catch (JsonException e)
        {
            var (empty, cutOff) = Scan(json.Span, reading);
            if (empty && whenEmpty is not null)
                return (whenEmpty, errors);

            var message = empty ? "请求体为空，应为 JSON 对象，形如 {…}。"
                : cutOff ? JsonErrorText.CutOff(e.LineNumber, e.BytePositionInLine)
                : JsonErrorText.Syntax(e.LineNumber, e.BytePositionInLine);
            return (null, errors.Add("body", message));
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return (null, errors.Add("body", "请求体不能为空（null）。"));

            DuplicateNames.Report(document.RootElement, FieldNames(RuleJson.Options), errors);
            return (Bind<T>(document.RootElement, errors), errors);
        }
    }

    public static ValidationProblem Problem(string field, string message) =>
        new FieldErrors().Add(field, message).ToProblem();

    private static JsonReaderOptions ReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth,
    };

    // For a body that stops early the parser names whatever it saw last ("'5' is an invalid end of a
    // number"). Read again as the start of a longer text, such a body has no error: only then is it cut
    // off; and one with no value in it at all is empty.
    private static (bool Empty, bool CutOff) Scan(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return (false, false);
        }

        var empty = reader.TokenType == JsonTokenType.None && reader.BytesConsumed == json.Length;
        return (empty, !empty);
    }

    // A well-formed body is read in one pass. Only when that fails is each field read on its own, so
    // that one bad field does not hide the next; the body is then made of the fields that could be read.
    private static T? Bind<T>(JsonElement root, FieldErrors errors)
        where T : class
    {
        var options = RuleJson.Options;
        try
        {
            return root.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            var contract = options.GetTypeInfo(typeof(T));
            if (root.ValueKind == JsonValueKind.Object && contract.Kind == JsonTypeInfoKind.Object)
                return BindFieldByField<T>(root, contract, errors);

            errors.Add(JsonErrorText.Field(e), JsonErrorText.Describe(e, typeof(T), options));
            return null;
        }
    }

    private static T? BindFieldByField<T>(JsonElement root, JsonTypeInfo contract, FieldErrors errors)
        where T : class
    {
        var options = contract.Options;
        var readable = new List<(string Name, JsonElement Value)>();
        foreach (var property in root.EnumerateObject())
        {
            // Fields the request type does not have are ignored, as the serializer ignores them.
            if (Find(contract, property) is not { } field)
                continue;

            try
            {
                _ = property.Value.Deserialize(field.PropertyType, options);
                readable.Add((field.Name, property.Value));
            }
            catch (JsonException e)
            {
                var path = $"$.{field.Name}{e.Path?.TrimStart('$')}";
                errors.Add(JsonErrorText.Field(path), JsonErrorText.Mismatch(path, typeof(T), options));
            }
        }

        return JsonSerializer.Deserialize<T>(Rewrite(readable).Span, options);
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo contract, JsonProperty property)
    {
        var name = NameOf(property);
        var names = FieldNames(contract.Options);
        return name is null ? null : contract.Properties.FirstOrDefault(p => names.Equals(p.Name, name));
    }

    private static StringComparer FieldNames(JsonSerializerOptions options) =>
        options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>A property's name, or null when it is not valid UTF-8 and cannot be read as text.</summary>
    public static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // The values are copied as they came: a string that is not valid UTF-8 is the fact reader's to
    // report, under the fact's name, and re-encoding it here would fail first.
    private static ReadOnlyMemory<byte> Rewrite(List<(string Name, JsonElement Value)> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
