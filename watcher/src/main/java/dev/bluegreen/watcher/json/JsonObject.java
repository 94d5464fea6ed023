package dev.bluegreen.watcher.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON object read by {@link Json#read}, with the defaults ObjectMapper gave a record: a field
 * that is absent or {@code null} reads as 0, {@code false} or {@code null}; fields nobody asks for
 * are ignored; a number or boolean written as text ({@code "10"}, {@code "true"}) is taken, as
 * ObjectMapper took it. A field of the wrong type throws {@link IllegalArgumentException}.
 */
public record JsonObject(Map<String, Object> fields) {

  /** {@code value} as an object; throws {@link IllegalArgumentException} if it is none. */
  @SuppressWarnings("unchecked")
  public static JsonObject of(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    throw new IllegalArgumentException("not a JSON object: " + describe(value));
  }

  /** The raw value: null when absent or null. */
  public Object get(String name) {
    return fields.get(name);
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  public String text(String name) {
    Object value = fields.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString(); // ObjectMapper took a scalar for a text too
    }
    throw wrong(name, "a text", value);
  }

  public long number(String name) {
    Long value = optionalNumber(name);
    return value == null ? 0 : value;
  }

  public int integer(String name) {
    Integer value = optionalInteger(name);
    return value == null ? 0 : value;
  }

  public double decimal(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.strip());
      } catch (NumberFormatException notANumber) {
        throw wrong(name, "a number", value);
      }
    }
    throw wrong(name, "a number", value);
  }

  public boolean bool(String name) {
    Boolean value = optionalBool(name);
    return value != null && value;
  }

  /** A whole number, or null when absent or null. */
  public Long optionalNumber(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException notANumber) {
        throw wrong(name, "a whole number", value);
      }
    }
    throw wrong(name, "a whole number", value);
  }

  public Integer optionalInteger(String name) {
    Long value = optionalNumber(name);
    if (value == null) {
      return null;
    }
    if (value != value.intValue()) {
      throw wrong(name, "a number that fits an int", value);
    }
    return value.intValue();
  }

  public Boolean optionalBool(String name) {
    Object value = fields.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw wrong(name, "true or false", value);
  }

  /** A nested object, or null when absent or null. */
  public JsonObject object(String name) {
    Object value = fields.get(name);
    return value == null ? null : of(value);
  }

  /** A nested object read by {@code read}, or null when absent or null. */
  public <T> T object(String name, Function<JsonObject, T> read) {
    JsonObject object = object(name);
    return object == null ? null : read.apply(object);
  }

  /** An array's elements, each read by {@code read}; null when absent or null. */
  public <T> List<T> list(String name, Function<Object, T> read) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> elements)) {
      throw wrong(name, "an array", value);
    }
    List<T> list = new ArrayList<>(elements.size());
    for (Object element : elements) {
      list.add(read.apply(element));
    }
    return list;
  }

  private static IllegalArgumentException wrong(String name, String expected, Object value) {
    return new IllegalArgumentException(
        "field " + name + " is not " + expected + ": " + describe(value));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
