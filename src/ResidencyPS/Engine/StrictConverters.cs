using System;
using Newtonsoft.Json;

namespace ResidencyPS.Engine
{
    /// <summary>
    /// Json.NET turns 42 into "42" and "5" into 5 without a word; a policy file with the wrong type is
    /// more likely a mistake than a shortcut, so these converters refuse it.
    /// </summary>
    internal sealed class StrictStringConverter : JsonConverter<string?>
    {
        public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.TokenType switch
            {
                JsonToken.String => (string?)reader.Value,
                JsonToken.Null => null,
                _ => throw new JsonSerializationException("Expected a string, found " + reader.TokenType + "."),
            };

        public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer) => writer.WriteValue(value);
    }

    /// <inheritdoc cref="StrictStringConverter"/>
    internal sealed class StrictIntegerConverter : JsonConverter<int>
    {
        public override int ReadJson(JsonReader reader, Type objectType, int existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            if (reader.TokenType != JsonToken.Integer)
            {
                throw new JsonSerializationException("Expected a whole number, found " + reader.TokenType + ".");
            }

            var value = Convert.ToInt64(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (value < int.MinValue || value > int.MaxValue)
            {
                throw new JsonSerializationException("The number " + value + " is out of range.");
            }

            return (int)value;
        }

        public override void WriteJson(JsonWriter writer, int value, JsonSerializer serializer) => writer.WriteValue(value);
    }
}
