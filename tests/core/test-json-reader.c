/* test-json-reader.c — the one bounded JSON reader (sa-json-reader.c):
 * depth, trailing data, UTF-8, NUL, and what it lets through unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sa-json-reader.h"

static JsonNode *
parse (const char  *text,
       guint        max_depth,
       GError     **error)
{
  return sa_json_reader_parse (text, strlen (text), max_depth, SA_JSON_READER_NONE, error);
}

static void
assert_refused (const char        *text,
                guint              max_depth,
                SaJsonReaderError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse (text, max_depth, &error);

  g_assert_null (root);
  g_assert_error (error, SA_JSON_READER_ERROR, (int) code);
}

static void
test_accepts (void)
{
  const char *texts[] = {
    "{}", " [1, 2, {\"a\": [\"]]]\"]}] ", "\"text\"", "12", "-1.5e3", "true", "null",
    "{\"a\": \"\\\"{{{\"}", "\n{\"a\":1}\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = parse (texts[i], 4, &error);

      g_assert_no_error (error);
      g_assert_nonnull (root);
    }
}

static void
test_depth (void)
{
  const gsize levels = 200000;
  g_autofree char *deep = g_malloc (2 * levels + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  memset (deep, '[', levels);
  memset (deep + levels, ']', levels);
  deep[2 * levels] = '\0';
  assert_refused (deep, SA_JSON_READER_CLIENT_MAX_DEPTH, SA_JSON_READER_ERROR_TOO_DEEP);

  /* An unclosed deep text too. */
  deep[levels] = '\0';
  assert_refused (deep, SA_JSON_READER_CLIENT_MAX_DEPTH, SA_JSON_READER_ERROR_TOO_DEEP);

  assert_refused ("[[[1]]]", 2, SA_JSON_READER_ERROR_TOO_DEEP);
  root = parse ("[[1]]", 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  /* Brackets inside strings do not count. */
  g_clear_pointer (&root, json_node_unref);
  root = parse ("[\"[[[[[[\"]", 1, &error);
  g_assert_no_error (error);
}

static void
test_trailing (void)
{
  assert_refused ("{\"a\":\"x\"}{}", 16, SA_JSON_READER_ERROR_TRAILING_DATA);
  assert_refused ("{} x", 16, SA_JSON_READER_ERROR_TRAILING_DATA);
  assert_refused ("[1]]", 16, SA_JSON_READER_ERROR_TRAILING_DATA);
  assert_refused ("1 2", 16, SA_JSON_READER_ERROR_TRAILING_DATA);
  assert_refused ("\"a\"\"b\"", 16, SA_JSON_READER_ERROR_TRAILING_DATA);
}

static void
test_long_numbers (void)
{
  const char *long_numbers[] = {
    "{\"advanceDays\": 18446744073709551617}", "[-99999999999999999999]", "1234567890123456789",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (long_numbers); i++)
    {
      const char *text = long_numbers[i];

      g_assert_true (sa_json_reader_check (text, strlen (text), 4, SA_JSON_READER_NONE, NULL));
      g_assert_false (sa_json_reader_check (text, strlen (text), 4,
                                            SA_JSON_READER_REFUSE_LONG_NUMBERS, &error));
      g_assert_error (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUMBER_RANGE);
      g_clear_error (&error);
    }

  /* 18 digits, fractions and exponents pass (the type check refuses them) */
  g_assert_true (sa_json_reader_check ("[123456789012345678, -1e30, 0.12345678901234567890]", 51, 4,
                                       SA_JSON_READER_REFUSE_LONG_NUMBERS, &error));
  g_assert_no_error (error);
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;

  assert_refused ("", 16, SA_JSON_READER_ERROR_EMPTY);
  assert_refused (" \n ", 16, SA_JSON_READER_ERROR_EMPTY);
  assert_refused ("{\"a\": \"\xff\"}", 16, SA_JSON_READER_ERROR_NOT_UTF8);
  assert_refused ("{\"a\": ", 16, SA_JSON_READER_ERROR_INVALID);
  assert_refused ("{]", 16, SA_JSON_READER_ERROR_INVALID);

  /* A raw NUL byte, and the "\u0000" escape when asked. */
  g_assert_false (sa_json_reader_check ("{}\0", 3, 16, SA_JSON_READER_NONE, &error));
  g_assert_error (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NOT_UTF8);
  g_clear_error (&error);

  g_assert_true (sa_json_reader_check ("\"a\\u0000b\"", 10, 16, SA_JSON_READER_NONE, &error));
  g_assert_false (sa_json_reader_check ("\"a\\u0000b\"", 10, 16,
                                        SA_JSON_READER_REFUSE_NUL_ESCAPE, &error));
  g_assert_error (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUL_ESCAPE);
}

/* Escapes json-glib refuses are refused before it sees them (json-glib 1.6
 * leaks the string it was building on those: found by fuzz-sandbox-input);
 * well-formed ones, surrogate pairs included, pass and decode unchanged. */
static void
test_escapes (void)
{
  const char *malformed[] = {
    "\"\\udA\x1c\"", "\"\\u12\"", "\"\\u\"", "[\"\\uD83D\"]", "{\"a\": \"\\uDE00x\"}",
    "\"\\uD83Dx\\uDE00\"", "\"\\uD83D\\u0041\"", "\"\\uD83D\\uD83D\"",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* What json-glib's scanner reads but JSON has not: comments, single
   * quotes (json-glib leaked the arrays of "[/[[[/][]]]": fuzz-json-client). */
  const char *outside_json[] = {
    "[/[[[/][]]]", "[1 /* c */]", "[1 // c\\n]", "# c\n[1]", "['a']", "{\"a\": 1 # c\n}", "tru/e", "[1;2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    assert_refused (malformed[i], 16, SA_JSON_READER_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (outside_json); i++)
    assert_refused (outside_json[i], 16, SA_JSON_READER_ERROR_INVALID);

  root = parse ("[\"\\u00e9\\uD83D\\uDE00\\\\u\\\"\"]", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (root), 0), ==,
                   "\u00e9\U0001F600\\u\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/accepts", test_accepts);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/trailing", test_trailing);
  g_test_add_func ("/json-reader/text", test_text);
  g_test_add_func ("/json-reader/escapes", test_escapes);
  g_test_add_func ("/json-reader/long-numbers", test_long_numbers);

  return g_test_run ();
}
