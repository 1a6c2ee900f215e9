/* sa-core.h — everything in the core layer that the UI may use (no GTK, no
 * JSON): the domain objects, the SaClient boundary and its Desk back end, the
 * access-request monitor, credentials, drafts, validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-access-request.h"
#include "sa-access-request-monitor.h"
#include "sa-account-access.h"
#include "sa-account-request.h"
#include "sa-assignment.h"
#include "sa-assignment-checks.h"
#include "sa-credentials.h"
#include "sa-draft.h"
#include "sa-client.h"
#include "sa-desk-client.h"
#include "sa-desk-training.h"
#include "sa-error.h"
#include "sa-fields.h"
#include "sa-hand-off.h"
#include "sa-hand-off-observation.h"
#include "sa-journal.h"
#include "sa-license.h"
#include "sa-license-detail.h"
#include "sa-license-diagnosis.h"
#include "sa-order.h"
#include "sa-order-line.h"
#include "sa-order-pages.h"
#include "sa-profile.h"
#include "sa-smart-account.h"
#include "sa-types.h"
#include "sa-validate.h"
#include "sa-virtual-account.h"
#include "sa-watch.h"
