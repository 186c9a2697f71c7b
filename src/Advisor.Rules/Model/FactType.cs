namespace Advisor.Rules.Model;

/// <summary>The type of a fact's value.</summary>
public enum FactType
{
    /// <summary>A whole number (age, head counts).</summary>
    Integer,

    /// <summary>A decimal number (income in yuan).</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>One of the declared values.</summary>
    Enum,

    /// <summary>
    /// A calendar date (YYYY-MM-DD). Rules do not read dates; a birth date is turned into
    /// <c>age</c> in full years on the day of the request.
    /// </summary>
    Date,
}
