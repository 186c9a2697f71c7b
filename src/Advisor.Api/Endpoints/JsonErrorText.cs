using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Advisor.Api.Endpoints;

/// <summary>
/// Turns the serializer's error about a request body into the field it concerns and a plain Chinese
/// sentence saying what was expected there. The serializer's own message names .NET types
/// (<c>Dictionary`2[System.String,…]</c>), which mean nothing to a caller; the expected shape is read
/// instead from the serializer's contract for the request type, at the exception's JSON path.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>The field the error is about: the JSON path without <c>$.</c>, or <c>body</c> for the root.</summary>
    public static string Field(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Field(error.Path);
    }

    /// <summary>The field a JSON path (<c>$.submitted[1]</c>) names, or <c>body</c> for the root.</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>
    /// What went wrong at <see cref="Field(JsonException)"/>, for a body read as <paramref name="target"/>.
    /// </summary>
    public static string Describe(JsonException error, Type target, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);

        // The reader's syntax errors come wrapped in a JsonException of their own; type mismatches do not.
        return error.InnerException is JsonException
            ? Syntax(error.LineNumber, error.BytePositionInLine)
            : Mismatch(error.Path, target, options);
    }

    /// <summary>A JSON syntax error at a 0-based line and byte position, said with 1-based numbers.</summary>
    public static string Syntax(long? line, long? bytePositionInLine) =>
        $"JSON 格式不正确（第 {line + 1} 行第 {bytePositionInLine + 1} 个字节附近），请检查引号、逗号和括号是否成对。";

    /// <summary>A body that stops before its JSON is complete, at a 0-based line after some bytes.</summary>
    public static string CutOff(long? line, long? bytesInLine)
    {
        var where = bytesInLine is null or 0 ? $"第 {line + 1} 行开头" : $"第 {line + 1} 行第 {bytesInLine} 个字节之后";
        return $"JSON 不完整：在{where}就结束了，请检查括号和引号是否都已闭合。";
    }

    /// <summary>
    /// What the field at <paramref name="path"/> of a body read as <paramref name="target"/> should hold.
    /// </summary>
    public static string Mismatch(string? path, Type target, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var field = Field(path);
        var subject = field == "body" ? "请求体" : field + " ";
        var contract = ContractAt(path, options.GetTypeInfo(target));
        return contract is not null && Expected(contract) is { } expected
            ? $"{subject}应为{expected}。"
            : $"{subject}的值类型不正确。";
    }

    private static JsonTypeInfo? ContractAt(string? path, JsonTypeInfo root)
    {
        var contract = root;
        foreach (Match segment in PathSegment().Matches(path ?? ""))
        {
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value
                : segment.Groups["quoted"].Success ? segment.Groups["quoted"].Value
                : null;
            var type = contract.Kind switch
            {
                JsonTypeInfoKind.Object when name is not null => contract.Properties
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                JsonTypeInfoKind.Dictionary when name is not null => contract.ElementType,
                JsonTypeInfoKind.Enumerable when name is null => contract.ElementType,
                _ => null,
            };
            if (type is null)
                return null;

            contract = contract.Options.GetTypeInfo(type);
        }

        return contract;
    }

    private static string? Expected(JsonTypeInfo contract)
    {
        var type = Nullable.GetUnderlyingType(contract.Type) ?? contract.Type;
        if (type == typeof(string))
            return "字符串，形如 \"…\"";
        if (type == typeof(bool))
            return "布尔值 true 或 false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
            return "数字";
        if (type == typeof(JsonObject))
            return "对象，形如 {…}";
        if (type == typeof(JsonArray))
            return "数组，形如 […]";

        return contract.Kind switch
        {
            JsonTypeInfoKind.Dictionary => "对象，形如 {\"名称\": 值, …}",
            JsonTypeInfoKind.Enumerable when contract.ElementType == typeof(string) => "字符串数组，形如 [\"…\", \"…\"]",
            JsonTypeInfoKind.Enumerable => "数组，形如 […]",
            JsonTypeInfoKind.Object => "对象，形如 {…}",
            _ => null,
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
