using System.Net;
using System.Net.Http.Json;
using Advisor.Api.Tests.Support;
using Advisor.Rules.Evaluation;

namespace Advisor.Api.Tests;

public class EvaluationEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Eligibility_MilitaryRegistration_DecidesFromFacts()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/36/eligibility", """{"facts":{"age":17,"gender":"male"}}""");

        Assert.Equal(200, status);
        Assert.Equal("ineligible", body.GetProperty("decision").GetString());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("status").GetString() == "failed" && r.GetProperty("message").GetString()!.Contains("18"));
    }

    [Fact]
    public async Task Eligibility_NoFacts_ListsMissingFactsWithQuestions()
    {
        var (_, body) = await factory.PostAsync("/api/procedures/36/eligibility", """{"facts":{}}""");

        Assert.Equal("undetermined", body.GetProperty("decision").GetString());
        var missing = body.GetProperty("missingFacts").EnumerateArray().ToList();
        Assert.Equal(["age", "gender"], missing.Select(m => m.GetProperty("name").GetString()).Order());
        Assert.All(missing, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("question").GetString())));
    }

    [Theory]
    [InlineData("""{"facts":{"age":"eighty"}}""", "facts.age")]
    [InlineData("""{"facts":{"shoeSize":42}}""", "facts.shoeSize")]
    [InlineData("""{"facts":{"gender":"robot"}}""", "facts.gender")]
    [InlineData("""{"facts":[1,2]}""", "facts")]
    [InlineData("""{"facts":{"age":18""", "body")]
    [InlineData("""{"facts":{"age":200}}""", "facts.age")]
    public async Task Eligibility_BadInput_Is400NamingTheField(string json, string field)
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility", json);

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Theory]
    [InlineData("/api/procedures/34/eligibility", """{"facts":[1,2]}""", "facts", "facts 应为对象，形如 {\"名称\": 值, …}。")]
    [InlineData("/api/procedures/34/completeness", """{"submitted":"身份证"}""", "submitted", "submitted 应为字符串数组，形如 [\"…\", \"…\"]。")]
    [InlineData("/api/procedures/34/completeness", """{"submitted":["身份证",1]}""", "submitted[1]", "submitted[1] 应为字符串，形如 \"…\"。")]
    [InlineData("/api/screening", "[1]", "body", "请求体应为对象，形如 {…}。")]
    public async Task Evaluation_WrongJsonType_Is400SayingWhatTheFieldShouldHold(string url, string json, string field, string message)
    {
        var (status, body) = await factory.PostAsync(url, json);

        Assert.Equal(400, status);
        Assert.Equal(message, body.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.DoesNotContain("System.", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"facts":{"age":18""", "JSON 不完整：在第 1 行第 18 个字节之后就结束了，请检查括号和引号是否都已闭合。")]
    [InlineData("""{"facts":{"age" 18}}""", "JSON 格式不正确（第 1 行第 17 个字节附近），请检查引号、逗号和括号是否成对。")]
    public async Task Eligibility_CutOffOrBrokenJson_Is400OnTheBodySayingWhichAndWhere(string json, string message)
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility", json);

        Assert.Equal(400, status);
        Assert.Equal(message, body.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData(false, "application/json")]
    [InlineData(true, "application/json")]
    [InlineData(false, null)]
    public async Task Eligibility_EmptyBody_Is400WithOneMessageHoweverSent(bool chunked, string? contentType)
    {
        var (status, body) = await PostEmptyAsync("/api/procedures/34/eligibility", chunked, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请求体为空，应为 JSON 对象，形如 {…}。", body.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NextSteps_EmptyBody_GivesTheFirstStepHoweverSent(bool chunked)
    {
        var (status, body) = await PostEmptyAsync("/api/procedures/34/next-steps", chunked, "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("apply", body.GetProperty("next")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Eligibility_AgeBeyondAnyWholeNumber_Is400GivingTheRange()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility",
            """{"facts":{"age":99999999999999999999}}""");

        Assert.Equal(400, status);
        Assert.Equal("age 应在 0 到 150 之间（年龄（周岁））。", body.GetProperty("errors").GetProperty("facts.age")[0].GetString());
    }

    [Fact]
    public async Task Eligibility_FullWidthDigits_AreAccepted()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility", """{"facts":{"age":"８５","hukouLocal":true}}""");

        Assert.Equal(200, status);
        Assert.Equal("eligible", body.GetProperty("decision").GetString());
    }

    [Theory]
    [InlineData("/api/procedures/34/eligibility", "birthDate")]
    [InlineData("/api/procedures/34/checklist", "gender")]
    [InlineData("/api/screening", "maritalStatus")]
    public async Task Evaluation_FactThatIsNotValidUtf8_Is400NamingIt(string url, string fact)
    {
        using var client = factory.CreateClient();
        // The value's one byte, 0xFF, can never stand in UTF-8.
        byte[] body = [.. "{\"facts\":{\""u8, .. System.Text.Encoding.UTF8.GetBytes(fact), .. "\":\"?\"}}"u8];
        body[^4] = 0xFF;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty($"facts.{fact}", out _), problem.ToString());
    }

    [Fact]
    public async Task Eligibility_WrongContentType_Is415()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/procedures/34/eligibility", UriKind.Relative),
            new StringContent("age=85"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/procedures/34/eligibility")]
    [InlineData("/api/screening")]
    public async Task Evaluation_BodyOver64Kilobytes_Is413RequestBodyTooLarge(string url)
    {
        var padding = new string('x', 70 * 1024);

        var (status, body) = await factory.PostAsync(url, $$"""{"facts":{},"note":"{{padding}}"}""");

        Assert.Equal(413, status);
        Assert.Equal("Request body too large", body.GetProperty("title").GetString());
        Assert.Equal("请求体不能超过 64 KB。", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/procedures/34/eligibility")]
    [InlineData("/api/screening")]
    public async Task Evaluation_ChunkedBodyOver64Kilobytes_Is413WithTheSameTitle(string url)
    {
        using var client = factory.CreateClient();
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"facts":{},"note":"{{new string('x', 70 * 1024)}}"}""")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, body.GetProperty("status").GetInt32());
        Assert.Equal("Request body too large", body.GetProperty("title").GetString());
        Assert.Equal("请求体不能超过 64 KB。", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Eligibility_BirthDateInTheFuture_Is400()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility", """{"facts":{"birthDate":"2999-01-01"}}""");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("facts.birthDate", out _));
    }

    [Fact]
    public async Task Eligibility_AgeAgreeingWithBirthDate_Is200()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var age = FactReader.AgeOn(new DateOnly(1941, 1, 5), today);

        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility",
            $$$"""{"facts":{"birthDate":"1941-01-05","age":{{{age}}},"hukouLocal":true}}""");

        Assert.Equal(200, status);
        Assert.Equal("eligible", body.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Eligibility_AgeContradictingBirthDate_Is400NamingBoth()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/eligibility",
            """{"facts":{"birthDate":"1941-01-05","age":20,"hukouLocal":true}}""");

        Assert.Equal(400, status);
        var message = body.GetProperty("errors").GetProperty("facts.age")[0].GetString()!;
        Assert.StartsWith("age（20）与 birthDate（1941-01-05）矛盾：按出生日期今天是 ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/procedures/99/eligibility")]
    [InlineData("/api/procedures/01/eligibility")]
    [InlineData("/api/procedures/99/checklist")]
    public async Task Evaluation_UnknownProcedureOrNoRules_Is404(string url)
    {
        var (status, _) = await factory.PostAsync(url, """{"facts":{}}""");

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Checklist_RemarriedCouple_IncludesTheDivorcePapers()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/44b/checklist", """{"facts":{"maritalStatus":"remarried"}}""");

        Assert.Equal(200, status);
        var divorce = body.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "divorce-papers");
        Assert.Equal("yes", divorce.GetProperty("applies").GetString());
    }

    [Fact]
    public async Task Completeness_OnlyTheDeceasedsHukouPage_ListsTheDeathCertificate()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/57b/completeness", """{"submitted":["死者的户口页"]}""");

        Assert.Equal(200, status);
        Assert.False(body.GetProperty("complete").GetBoolean());
        Assert.Contains("死亡证明", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completeness_BlankItem_Is400NamingIt()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/completeness", """{"submitted":["身份证"," "]}""");

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("submitted[1]", out _));
    }

    [Fact]
    public async Task Completeness_BadFactAndBadSubmitted_Is400ListingBoth()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/44b/completeness",
            """{"facts":{"maritalStatus":1},"submitted":"结婚证"}""");

        Assert.Equal(400, status);
        var errors = body.GetProperty("errors");
        Assert.Equal(["facts.maritalStatus", "submitted"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            "maritalStatus 应为以下之一：single（未婚）、married（已婚（初婚））、remarried（再婚）、divorced（离婚）、widowed（丧偶）。",
            errors.GetProperty("facts.maritalStatus")[0].GetString());
        Assert.Equal("submitted 应为字符串数组，形如 [\"…\", \"…\"]。", errors.GetProperty("submitted")[0].GetString());
    }

    [Fact]
    public async Task Completeness_BadFactAndTwoBlankItems_Is400ListingEach()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/completeness",
            """{"facts":{"age":"eighty"},"submitted":["身份证"," ",""]}""");

        Assert.Equal(400, status);
        var errors = body.GetProperty("errors");
        Assert.Equal(["facts.age", "submitted[1]", "submitted[2]"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("age 应为整数（年龄（周岁）），例如 85。", errors.GetProperty("facts.age")[0].GetString());
        Assert.Equal("材料名称不能为空。", errors.GetProperty("submitted[2]")[0].GetString());
    }

    [Fact]
    public async Task NextSteps_AfterNo_GoesToMaterialCorrection()
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/next-steps", """{"currentStep":"verify-passed","outcome":"no"}""");

        Assert.Equal(200, status);
        Assert.Equal("材料补正", body.GetProperty("next")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"currentStep":"nowhere"}""", "currentStep")]
    [InlineData("""{"currentStep":"verify-passed","outcome":"maybe"}""", "outcome")]
    public async Task NextSteps_BadInput_Is400NamingTheField(string json, string field)
    {
        var (status, body) = await factory.PostAsync("/api/procedures/34/next-steps", json);

        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Screening_An85YearOldLocalResident_Lists34Eligible()
    {
        var (status, body) = await factory.PostAsync("/api/screening", """{"facts":{"age":85,"hukouLocal":true}}""");

        Assert.Equal(200, status);
        var senior = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("procedureId").GetString() == "34");
        Assert.Equal("eligible", senior.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Eligibility_ManyParallelRequests_AllAnsweredCorrectly()
    {
        var ages = Enumerable.Range(0, 200).Select(i => 70 + (i % 20)).ToArray();

        var answers = await Task.WhenAll(ages.Select(age =>
            factory.PostAsync("/api/procedures/34/eligibility", $"{{\"facts\":{{\"age\":{age},\"hukouLocal\":true}}}}")));

        for (var i = 0; i < ages.Length; i++)
        {
            Assert.Equal(200, answers[i].Status);
            Assert.Equal(ages[i] >= 80 ? "eligible" : "ineligible", answers[i].Body.GetProperty("decision").GetString());
        }
    }

    // An empty body, sent with Content-Length: 0 or chunked without a length: clients send either.
    private async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> PostEmptyAsync(
        string url, bool chunked, string? contentType)
    {
        using var client = factory.CreateClient();
        var content = new StreamContent(new MemoryStream());
        if (contentType is not null)
            content.Headers.ContentType = new(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());
    }
}
