/* sa-json-reader.c — the one bounded JSON reader for untrusted text
 *
 * json-glib's parser is recursive (a document nested 100,000 levels deep
 * exhausts the stack) and, given two values ("{"a":"x"}{}"), fails after
 * building the first. So every text from the network is scanned first, in
 * one pass without recursion: UTF-8, no NUL byte, nesting no deeper than the
 * caller allows, exactly one value (trailing data refused); only then does
 * json-glib see it (issue 13, "Major 1" and "trailing data"). The client
 * (desk/, cisco/) and the sandbox both read through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sa-json-reader.h"

G_DEFINE_QUARK (sa-json-reader-error-quark, sa_json_reader_error)

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
ends_scalar (char c)
{
  return is_blank (c) || strchr ("{}[],:\"", c) != NULL;
}

/* The code unit of the "\uXXXX" escape at data[j] (data[j] is '\\'), or -1
 * when it is not a backslash, 'u' and four hexadecimal digits. */
static int
escape_unit (const char *data,
             gsize       size,
             gsize       j)
{
  int unit = 0;
  guint k;

  if (j + 5 >= size || data[j] != '\\' || data[j + 1] != 'u')
    return -1;

  for (k = 2; k < 6; k++)
    {
      int digit = g_ascii_xdigit_value (data[j + k]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

/* Skips the string opening at data[*i] (a '"'); leaves *i after its closing
 * quote, or at @size when it is not closed (the parser then says so).
 * Returns 0, or the error code for what it refuses: a "\u0000" when @flags
 * ask, and any "\u" escape json-glib would refuse anyway — not four
 * hexadecimal digits, or a surrogate not in a high-low pair. json-glib 1.6
 * leaks the string it was building on those (a few bytes per request, found
 * by fuzz-sandbox-input), so they never reach it. */
static int
skip_string (const char         *data,
             gsize               size,
             gsize              *i,
             SaJsonReaderFlags   flags)
{
  gsize j;

  for (j = *i + 1; j < size; j++)
    {
      if (data[j] == '\\' && j + 1 < size && data[j + 1] == 'u')
        {
          int unit = escape_unit (data, size, j);

          if (unit < 0)
            return SA_JSON_READER_ERROR_INVALID;
          if (unit == 0 && (flags & SA_JSON_READER_REFUSE_NUL_ESCAPE))
            return SA_JSON_READER_ERROR_NUL_ESCAPE;
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return SA_JSON_READER_ERROR_INVALID;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escape_unit (data, size, j + 6);

              if (low < 0xDC00 || low > 0xDFFF)
                return SA_JSON_READER_ERROR_INVALID;
              j += 6;
            }
          j += 5;
        }
      else if (data[j] == '\\')
        {
          j++;
        }
      else if (data[j] == '"')
        {
          *i = j + 1;
          return 0;
        }
    }

  *i = size;
  return 0;
}

/* Outside strings JSON holds only its punctuation, blanks and the characters
 * of numbers and literals. json-glib's scanner reads more ("/" and "#"
 * comments, single-quoted strings), and would see another structure than
 * this scan does: such text never reaches it (a "[/[[[/][]]]" made it build
 * arrays it then leaked: found by fuzz-json-client). */
static gboolean
is_json_char (char c)
{
  return is_blank (c) || strchr ("{}[],:", c) != NULL || g_ascii_isalnum (c) ||
         c == '+' || c == '-' || c == '.';
}

/* Skips the number or literal starting at data[*i]. Returns 0, or the error
 * code for what it refuses: an integer part longer than 18 digits when
 * @flags refuse those, a character that is not JSON. */
static int
skip_scalar (const char         *data,
             gsize               size,
             gsize              *i,
             SaJsonReaderFlags   flags)
{
  gsize digits = 0;
  gboolean in_integer = TRUE;

  while (*i < size && !ends_scalar (data[*i]))
    {
      char c = data[*i];

      if (!is_json_char (c))
        return SA_JSON_READER_ERROR_INVALID;
      if (c == '.' || c == 'e' || c == 'E')
        in_integer = FALSE;
      else if (in_integer && g_ascii_isdigit (c))
        digits++;
      (*i)++;
    }

  /* Leading zeros are not JSON anyway. */
  if ((flags & SA_JSON_READER_REFUSE_LONG_NUMBERS) && digits > 18)
    return SA_JSON_READER_ERROR_NUMBER_RANGE;
  return 0;
}

/**
 * sa_json_reader_check:
 * @data: (array length=size): untrusted text
 * @size: its length in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed (1 for a
 *   flat object)
 * @flags: optional checks
 * @error: return location for a #GError, or %NULL
 *
 * Scans @data without parsing it, in constant stack: what
 * sa_json_reader_parse() checks before json-glib sees the text.
 *
 * Returns: %TRUE when @data may be given to the parser; otherwise %FALSE
 *   with an %SA_JSON_READER_ERROR (EMPTY, TOO_LARGE, NOT_UTF8, TOO_DEEP,
 *   TRAILING_DATA, NUL_ESCAPE, NUMBER_RANGE, INVALID for a malformed "\u"
 *   escape, a lone surrogate or a character outside strings that JSON has
 *   not: comments, single quotes)
 */
gboolean
sa_json_reader_check (const char         *data,
                      gsize               size,
                      guint               max_depth,
                      SaJsonReaderFlags   flags,
                      GError            **error)
{
  gsize i = 0;
  guint depth = 0;
  int refused = 0;

  if (size > SA_JSON_READER_MAX_SIZE)
    {
      g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_TOO_LARGE,
                           "the JSON text is too large");
      return FALSE;
    }

  if (data == NULL)
    size = 0;

  if (size > 0 && (memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL)))
    {
      g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NOT_UTF8,
                           "the JSON text is not UTF-8");
      return FALSE;
    }

  while (i < size && is_blank (data[i]))
    i++;

  if (i == size)
    {
      g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_EMPTY,
                           "there is no JSON value");
      return FALSE;
    }

  /* The one value: a container (ends when its depth comes back to 0), a
   * string, or a bare scalar. */
  if (data[i] == '{' || data[i] == '[')
    {
      while (i < size)
        {
          char c = data[i];

          if (c == '"')
            {
              refused = skip_string (data, size, &i, flags);
              if (refused != 0)
                goto refuse;
              continue;
            }

          if (c == '-' || g_ascii_isdigit (c))
            {
              refused = skip_scalar (data, size, &i, flags);
              if (refused != 0)
                goto refuse;
              continue;
            }

          if (!is_json_char (c))
            {
              refused = SA_JSON_READER_ERROR_INVALID;
              goto refuse;
            }

          i++;
          if (c == '{' || c == '[')
            {
              if (++depth > max_depth)
                {
                  g_set_error (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_TOO_DEEP,
                               "the JSON text nests deeper than %u levels", max_depth);
                  return FALSE;
                }
            }
          else if (c == '}' || c == ']')
            {
              if (--depth == 0)
                break;
            }
        }
    }
  else if (data[i] == '"')
    {
      refused = skip_string (data, size, &i, flags);
      if (refused != 0)
        goto refuse;
    }
  else
    {
      refused = skip_scalar (data, size, &i, flags);
      if (refused != 0)
        goto refuse;
    }

  while (i < size && is_blank (data[i]))
    i++;

  if (i < size)
    {
      g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_TRAILING_DATA,
                           "there is data after the JSON value");
      return FALSE;
    }

  return TRUE;

refuse:
  if (refused == SA_JSON_READER_ERROR_NUL_ESCAPE)
    g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUL_ESCAPE,
                         "the JSON text holds a NUL character");
  else if (refused == SA_JSON_READER_ERROR_NUMBER_RANGE)
    g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_NUMBER_RANGE,
                         "the JSON text holds an integer of more than 18 digits");
  else
    g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_INVALID,
                         "the JSON text holds a malformed escape or a character outside JSON");
  return FALSE;
}

/**
 * sa_json_reader_parse:
 * @data: (array length=size): untrusted text
 * @size: its length in bytes
 * @max_depth: the deepest nesting allowed (%SA_JSON_READER_CLIENT_MAX_DEPTH
 *   for the client's answers, 16 for the sandbox's request bodies)
 * @flags: optional checks
 * @error: return location for a #GError, or %NULL
 *
 * Checks @data with sa_json_reader_check(), then parses it.
 *
 * Returns: (transfer full) (nullable): the one value's node (immutable);
 *   %NULL with an %SA_JSON_READER_ERROR (%SA_JSON_READER_ERROR_INVALID when
 *   json-glib refuses it)
 */
JsonNode *
sa_json_reader_parse (const char         *data,
                      gsize               size,
                      guint               max_depth,
                      SaJsonReaderFlags   flags,
                      GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!sa_json_reader_check (data, size, max_depth, flags, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error_literal (error, SA_JSON_READER_ERROR, SA_JSON_READER_ERROR_INVALID,
                         "there is no JSON value");

  return root;
}
