/* core-test-util.h — small helpers shared by the unit tests of src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-core.h"
#include "sa-json-private.h"

/* The JSON object in @json (transfer full); fails the test otherwise. */
JsonObject *parse_object (const char *json);
/* @unit @times times (transfer full). */
char       *repeat       (const char *unit,
                          guint       times);
