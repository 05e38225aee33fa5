/**
 * Every string the charts draw, in English. Layouts take their words from here, never from their
 * own code, so a second language is a second file of the same shape.
 */
export const en = {
  prisoners: {
    heldTitle: "Political prisoners held, Viasna count",
    heldTitleShort: "Held, Viasna count",
    inTitle: "▲ In: newly recognised",
    outTitle: "▼ Out: freed, and left by other routes",
    outTitleShort: "▼ Out: freed, or left otherwise",
    perMonthUnit: "people a month",
    heldLabel: (count: string, date: string): string => `${count} on ${date}`,
    focusPeriod: (from: string, to: string): string => `${from}–${to}`,
    recognised: (n: string): string => `In: ${n} newly recognised`,
    noRecognised: "no count of recognitions published",
    freedBoth: (n: string, us: string, other: string): string =>
      `Out: ${n} freed (${us} in US deals, ${other} in pardons)`,
    freedUsOnly: (n: string): string => `Out: ${n} freed in US deals`,
    freedOtherOnly: (n: string): string => `Out: ${n} freed in pardons`,
    leftOtherwise: (n: string): string => `Out: ${n} left in other ways (derived)`,
    heldChange: (from: string, to: string): string => `Held: ${from} → ${to}`,
    leftUnknown: "other departures: not derivable",
    conflict: (n: string): string => `counts conflict by ${n}`,
  },
  deals: {
    releases: "Releases, sized by the number of people freed",
    releasesShort: "Releases, sized by people freed",
    relief: "What the US gave",
    contacts: "Contacts and statements",
    freed: (n: string, usBrokered: boolean): string =>
      usBrokered ? `${n} freed, US-brokered` : `${n} freed in a pardon`,
    broker: (who: string): string => `Negotiated by ${who}`,
    head: (date: string, freed: string): string => `${date}: ${freed}`,
    more: (n: number): string => `… and ${n} more lines in the data table`,
  },
  legend: {
    held: "Political prisoners held (Viasna count)",
    recognised: "In: newly recognised",
    freedUs: "Out: freed in a US-brokered deal",
    freedOther: "Out: freed in another pardon",
    leftOtherwise: "Out: left by other routes (derived)",
    noCount: "No published count",
    conflict: "Counts conflict (derived figure below zero)",
    releaseUs: "Release negotiated by US officials",
    releaseOther: "Release in a pardon no government negotiated",
    relief: "What the US gave: sanctions eased, aircraft, licences",
    contact: "Contact: a visit, call, appointment or statement",
  },
} as const;

export type Messages = typeof en;
