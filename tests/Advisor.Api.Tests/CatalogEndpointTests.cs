using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advisor.Api.Tests.Support;

namespace Advisor.Api.Tests;

public class CatalogEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_ReportsOkWithSixtyFourProcedures()
    {
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(64, health.GetProperty("procedures").GetInt32());
    }

    [Fact]
    public async Task ListProcedures_ReturnsTheSixtyFourIdsWithSummaries()
    {
        using var client = factory.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures");

        Assert.Equal(64, list!.Length);
        Assert.Contains(list, p => p.GetProperty("id").GetString() == "44b");
        Assert.All(list, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("slug").GetString())));
    }

    [Theory]
    [InlineData("q=高龄", "34")]
    [InlineData("q=低保", "25")]
    [InlineData("category=惠民资金&q=津贴", "34")]
    public async Task ListProcedures_Filtered_FindsTheProcedure(string query, string id)
    {
        using var client = factory.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement[]>($"/api/procedures?{query}");

        Assert.Contains(list!, p => p.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task GetProcedure_ReturnsWholeProcedureWithChineseUnescaped()
    {
        using var client = factory.CreateClient();

        var text = await client.GetStringAsync("/api/procedures/34");

        Assert.Contains("\"title\":\"老年人高龄津贴\"", text, StringComparison.Ordinal);
        var procedure = JsonDocument.Parse(text).RootElement;
        Assert.Equal(3, procedure.GetProperty("materials").GetArrayLength());
        Assert.Equal("originalAndCopy", procedure.GetProperty("materials")[1].GetProperty("form").GetString());
        Assert.True(procedure.GetProperty("steps").GetArrayLength() > 5);
        Assert.Equal("村（居）务监督委员会", procedure.GetProperty("actors").GetProperty("supervising")[0].GetString());
    }

    [Fact]
    public async Task GetProcedure_UnknownId_IsProblemDetails404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/procedures/99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Categories_CountEveryProcedure()
    {
        using var client = factory.CreateClient();

        var categories = await client.GetFromJsonAsync<JsonElement[]>("/api/categories");

        Assert.Equal(64, categories!.Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Contains(categories!, c => c.GetProperty("name").GetString() == "惠民资金");
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    [InlineData("/api/facts")]
    public async Task Documentation_IsServed(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_HasTheServiceTitleAndABilingualDescription()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var info = document.GetProperty("info");
        Assert.Equal("DutyAdvisor API", info.GetProperty("title").GetString());
        var description = info.GetProperty("description").GetString()!;
        Assert.StartsWith("Answers from the Yanhu district's village and community duty flowcharts", description, StringComparison.Ordinal);
        Assert.Contains("依据盐湖区村（社区）履行职责事项流程图", description, StringComparison.Ordinal);
    }
}
