using Advisor.Rules.Loading;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests;

public class CatalogLoaderTests
{
    [Fact]
    public void Load_RepositoryRules_HasNoProblems()
    {
        var result = CatalogLoader.Load(RepoPaths.Rules);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Catalog);
    }
}
