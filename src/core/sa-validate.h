/* sa-validate.h — input checks shared by the app and the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sa-types.h"

G_BEGIN_DECLS

#define SA_MAX_SEARCH_LENGTH 128   /* characters in any search value */
#define SA_MAX_EMAIL_LENGTH  254
#define SA_MAX_DOMAIN_LENGTH 253

/* Each returns TRUE when @str is acceptable; otherwise FALSE and, when @error is
 * not NULL, SA_CLIENT_ERROR_INVALID_INPUT with a translated message for the user.
 * NULL, empty, invalid UTF-8, control characters and over-long strings are refused. */
gboolean sa_validate_email              (const char  *str,
                                         GError     **error);
/* A DNS-style Account Domain ("acme-industrie.fr"): labels of letters, digits and
 * hyphens, at least two labels. */
gboolean sa_validate_domain             (const char  *str,
                                         GError     **error);
/* A full Sales Order No.: 1 to 20 ASCII digits. */
gboolean sa_validate_sales_order_number (const char  *str,
                                         GError     **error);
/* A search value for @field (partial values allowed: a Sales Order No. search takes
 * 1–20 digits, the others printable text up to SA_MAX_SEARCH_LENGTH). */
gboolean sa_validate_order_search       (SaOrderSearchField   field,
                                         const char          *value,
                                         GError             **error);
/* A search value for a Smart Account search: printable text, 1 to
 * SA_MAX_SEARCH_LENGTH characters (partial domains, names and e-mails allowed). */
gboolean sa_validate_account_search    (SaAccountSearchField  field,
                                         const char           *value,
                                         GError              **error);

/* A Virtual Account Name as sent in an assignment: printable text (any script),
 * 1 to SA_MAX_SEARCH_LENGTH characters. */
gboolean sa_validate_virtual_account_name (const char  *str,
                                           GError     **error);

G_END_DECLS
