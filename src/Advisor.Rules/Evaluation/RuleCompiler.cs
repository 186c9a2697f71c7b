using Advisor.Rules.Loading;
using Advisor.Rules.Validation;

namespace Advisor.Rules.Evaluation;

/// <summary>Placeholder until evaluation lands.</summary>
public static class RuleCompiler
{
    /// <summary>Compiles every expression of the catalog and reports those that do not compile.</summary>
    public static IReadOnlyList<RuleProblem> Check(ProcedureCatalog catalog) => [];
}
