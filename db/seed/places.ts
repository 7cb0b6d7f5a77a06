/**
 * Field offices and Application Support Centers of the demo data: real cities and street
 * addresses of the kind the agency publishes, spread over nine IANA time zones — three of them
 * (Arizona, Hawaii, Puerto Rico) without daylight-saving time — so time-zone handling is exercised
 * by ordinary use.
 */
import type { MailingAddress } from '@/db/columns';

export interface Place {
  code: string;
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  phone: string | null;
}

export interface FieldOfficePlace extends Place {
  /** Share of the national workload (historical data). */
  volume: number;
  /** Above 1: slower than the national pace (historical data), so per-office estimates differ. */
  pace: number;
  /** Where demo applicants served by this office live. */
  neighbourhood: MailingAddress[];
}

export interface AscPlace extends Place {
  /** Seats per half-hour slot, before day-to-day variation. */
  seats: number;
}

const office = (
  code: string,
  name: string,
  [street, city, state, zip]: [string, string, string, string],
  timeZone: string,
  [latitude, longitude]: [number, number],
  volume: number,
  pace: number,
  neighbourhood: [string, string, string, string][],
): FieldOfficePlace => ({
  code,
  name,
  street,
  city,
  state,
  zip,
  timeZone,
  latitude,
  longitude,
  phone: null, // the agency answers by its Contact Center, not office lines
  volume,
  pace,
  neighbourhood: neighbourhood.map(([s, c, st, z]) => ({ street: s, city: c, state: st, zip: z })),
});

export const FIELD_OFFICES: FieldOfficePlace[] = [
  office('PHO', 'Phoenix Field Office', ['2035 N Central Ave', 'Phoenix', 'AZ', '85004'], 'America/Phoenix', [33.4702, -112.0738], 0.8, 0.92, [
    ['5025 N 35th Ave Apt 16', 'Phoenix', 'AZ', '85017'],
    ['1820 W Roosevelt St', 'Phoenix', 'AZ', '85007'],
    ['2231 E Broadway Rd', 'Tempe', 'AZ', '85282'],
    ['8410 W Thomas Rd Apt 221', 'Phoenix', 'AZ', '85037'],
  ]),
  office('HON', 'Honolulu Field Office', ['500 Ala Moana Blvd', 'Honolulu', 'HI', '96813'], 'Pacific/Honolulu', [21.3041, -157.8649], 0.4, 1.12, [
    ['1551 Kapiolani Blvd Apt 1402', 'Honolulu', 'HI', '96814'],
    ['94-1040 Waipahu St', 'Waipahu', 'HI', '96797'],
    ['45-570 Keaahala Rd', 'Kaneohe', 'HI', '96744'],
  ]),
  office('SAJ', 'San Juan Field Office', ['7 Calle Tabonuco Ste 100', 'Guaynabo', 'PR', '00968'], 'America/Puerto_Rico', [18.4246, -66.1056], 0.5, 1.18, [
    ['1954 Calle Loiza Apt 3B', 'San Juan', 'PR', '00911'],
    ['Urb Santa Rosa Calle 19 Blq 32 5', 'Bayamon', 'PR', '00959'],
    ['256 Calle Sol', 'Ponce', 'PR', '00730'],
  ]),
  office('LOS', 'Los Angeles Field Office', ['300 N Los Angeles St', 'Los Angeles', 'CA', '90012'], 'America/Los_Angeles', [34.0539, -118.2401], 1.6, 1.22, [
    ['3718 W 6th St Apt 305', 'Los Angeles', 'CA', '90020'],
    ['1422 S Atlantic Blvd', 'East Los Angeles', 'CA', '90022'],
    ['8142 Lankershim Blvd Apt 7', 'North Hollywood', 'CA', '91605'],
  ]),
  office('SFR', 'San Francisco Field Office', ['444 Washington St', 'San Francisco', 'CA', '94111'], 'America/Los_Angeles', [37.7962, -122.4011], 1.0, 1.1, [
    ['2845 Mission St Apt 4', 'San Francisco', 'CA', '94110'],
    ['1010 Broadway', 'Oakland', 'CA', '94607'],
    ['455 E Santa Clara St Apt 12', 'San Jose', 'CA', '95112'],
  ]),
  office('SEA', 'Seattle Field Office', ['12500 Tukwila International Blvd', 'Seattle', 'WA', '98168'], 'America/Los_Angeles', [47.4906, -122.2916], 0.8, 0.98, [
    ['4530 Rainier Ave S', 'Seattle', 'WA', '98118'],
    ['15820 International Blvd Apt 204', 'SeaTac', 'WA', '98188'],
    ['1207 S 3rd St', 'Renton', 'WA', '98057'],
  ]),
  office('ANC', 'Anchorage Field Office', ['620 E 10th Ave Ste 102', 'Anchorage', 'AK', '99501'], 'America/Anchorage', [61.2136, -149.8725], 0.25, 0.78, [
    ['3901 Spenard Rd Apt 8', 'Anchorage', 'AK', '99517'],
    ['1120 Muldoon Rd', 'Anchorage', 'AK', '99504'],
  ]),
  office('DEN', 'Denver Field Office', ['12484 E Weaver Pl', 'Centennial', 'CO', '80111'], 'America/Denver', [39.5948, -104.8457], 0.7, 0.85, [
    ['1520 S Federal Blvd', 'Denver', 'CO', '80219'],
    ['15100 E Colfax Ave Apt 116', 'Aurora', 'CO', '80011'],
    ['7300 W Alameda Ave', 'Lakewood', 'CO', '80226'],
  ]),
  office('HOU', 'Houston Field Office', ['810 Gears Rd', 'Houston', 'TX', '77067'], 'America/Chicago', [29.9437, -95.4368], 1.3, 1.05, [
    ['6200 Hillcroft St Apt 1208', 'Houston', 'TX', '77081'],
    ['9503 Bellaire Blvd', 'Houston', 'TX', '77036'],
    ['2710 Gessner Rd', 'Houston', 'TX', '77080'],
  ]),
  office('DAL', 'Dallas Field Office', ['6500 Campus Circle Dr E', 'Irving', 'TX', '75063'], 'America/Chicago', [32.9233, -96.9974], 1.1, 0.9, [
    ['4020 N Belt Line Rd Apt 318', 'Irving', 'TX', '75038'],
    ['2811 S Buckner Blvd', 'Dallas', 'TX', '75227'],
    ['500 E Park Blvd', 'Plano', 'TX', '75074'],
  ]),
  office('CHI', 'Chicago Field Office', ['101 W Congress Pkwy', 'Chicago', 'IL', '60605'], 'America/Chicago', [41.8757, -87.6311], 1.2, 1.08, [
    ['4847 N Kedzie Ave Apt 2', 'Chicago', 'IL', '60625'],
    ['3213 W 26th St', 'Chicago', 'IL', '60623'],
    ['6541 N Sheridan Rd Apt 510', 'Chicago', 'IL', '60626'],
  ]),
  office('DET', 'Detroit Field Office', ['11411 E Jefferson Ave', 'Detroit', 'MI', '48214'], 'America/Detroit', [42.3701, -82.9691], 0.6, 0.95, [
    ['7728 W Vernor Hwy', 'Detroit', 'MI', '48209'],
    ['12120 Conant St', 'Hamtramck', 'MI', '48212'],
    ['5900 Schaefer Rd', 'Dearborn', 'MI', '48126'],
  ]),
  office('ATL', 'Atlanta Field Office', ['2150 Parklake Dr NE', 'Atlanta', 'GA', '30345'], 'America/New_York', [33.8517, -84.2518], 1.0, 0.95, [
    ['5290 Buford Hwy NE Apt 14', 'Doraville', 'GA', '30340'],
    ['3636 Chamblee Tucker Rd', 'Atlanta', 'GA', '30341'],
    ['1800 Pleasant Hill Rd', 'Duluth', 'GA', '30096'],
  ]),
  office('MIA', 'Miami Field Office', ['8801 NW 7th Ave', 'Miami', 'FL', '33150'], 'America/New_York', [25.8545, -80.2092], 1.4, 1.15, [
    ['1895 W 60th St Apt 302', 'Hialeah', 'FL', '33012'],
    ['4620 NW 7th St', 'Miami', 'FL', '33126'],
    ['8950 SW 24th St Apt 5', 'Miami', 'FL', '33165'],
  ]),
  office('NYC', 'New York City Field Office', ['26 Federal Plaza', 'New York', 'NY', '10278'], 'America/New_York', [40.7152, -74.0042], 1.6, 1.28, [
    ['37-18 82nd St Apt 4F', 'Jackson Heights', 'NY', '11372'],
    ['1520 Grand Concourse Apt 6C', 'Bronx', 'NY', '10457'],
    ['648 Nostrand Ave', 'Brooklyn', 'NY', '11216'],
    ['41-20 Main St Apt 9', 'Flushing', 'NY', '11355'],
  ]),
];

const asc = (
  code: string,
  name: string,
  [street, city, state, zip]: [string, string, string, string],
  timeZone: string,
  [latitude, longitude]: [number, number],
  seats: number,
): AscPlace => ({ code, name, street, city, state, zip, timeZone, latitude, longitude, phone: null, seats });

export const ASCS: AscPlace[] = [
  asc('PHX', 'Phoenix Application Support Center', ['1330 S 16th St', 'Phoenix', 'AZ', '85034'], 'America/Phoenix', [33.4361, -112.0479], 5),
  asc('TUS', 'Tucson Application Support Center', ['6431 S Country Club Rd', 'Tucson', 'AZ', '85706'], 'America/Phoenix', [32.1393, -110.9167], 3),
  asc('HNL', 'Honolulu Application Support Center', ['677 Ala Moana Blvd Ste 718', 'Honolulu', 'HI', '96813'], 'Pacific/Honolulu', [21.2978, -157.8635], 3),
  asc('SJU', 'San Juan Application Support Center', ['350 Calle Chardon Ste 1', 'San Juan', 'PR', '00918'], 'America/Puerto_Rico', [18.4252, -66.0667], 3),
  asc('LAX', 'Los Angeles Application Support Center', ['3250 Wilshire Blvd', 'Los Angeles', 'CA', '90010'], 'America/Los_Angeles', [34.0617, -118.2931], 6),
  asc('SAN', 'San Diego Application Support Center', ['880 Front St', 'San Diego', 'CA', '92101'], 'America/Los_Angeles', [32.7156, -117.1641], 4),
  asc('SFO', 'San Francisco Application Support Center', ['250 Montgomery St', 'San Francisco', 'CA', '94104'], 'America/Los_Angeles', [37.7917, -122.4025], 5),
  asc('TUK', 'Seattle Application Support Center', ['12500 Tukwila International Blvd', 'Seattle', 'WA', '98168'], 'America/Los_Angeles', [47.4906, -122.2916], 4),
  asc('PDX', 'Portland Application Support Center', ['1455 NW Overton St', 'Portland', 'OR', '97209'], 'America/Los_Angeles', [45.5323, -122.685], 3),
  asc('DNV', 'Denver Application Support Center', ['1700 Broadway Ste 400', 'Denver', 'CO', '80290'], 'America/Denver', [39.7442, -104.9872], 4),
  asc('SLC', 'Salt Lake City Application Support Center', ['5272 S College Dr', 'Murray', 'UT', '84123'], 'America/Denver', [40.6546, -111.914], 3),
  asc('ABQ', 'Albuquerque Application Support Center', ['1605 Columbia Dr SE', 'Albuquerque', 'NM', '87106'], 'America/Denver', [35.066, -106.618], 2),
  asc('ANH', 'Anchorage Application Support Center', ['620 E 10th Ave Ste 101', 'Anchorage', 'AK', '99501'], 'America/Anchorage', [61.2136, -149.8725], 2),
  asc('ORD', 'Chicago Application Support Center', ['5829 N Lincoln Ave', 'Chicago', 'IL', '60659'], 'America/Chicago', [41.9877, -87.7004], 6),
  asc('IAH', 'Houston Application Support Center', ['4141 N Sam Houston Pkwy E', 'Houston', 'TX', '77032'], 'America/Chicago', [29.9304, -95.3291], 5),
  asc('DFW', 'Dallas Application Support Center', ['8101 N Stemmons Fwy', 'Dallas', 'TX', '75247'], 'America/Chicago', [32.8331, -96.8656], 5),
  asc('SAT', 'San Antonio Application Support Center', ['8940 Fourwinds Dr', 'San Antonio', 'TX', '78239'], 'America/Chicago', [29.5178, -98.3551], 4),
  asc('DTW', 'Detroit Application Support Center', ['11411 E Jefferson Ave', 'Detroit', 'MI', '48214'], 'America/Detroit', [42.3701, -82.9691], 3),
  asc('ATA', 'Atlanta Application Support Center', ['2150 Parklake Dr NE', 'Atlanta', 'GA', '30345'], 'America/New_York', [33.8517, -84.2518], 4),
  asc('HIA', 'Hialeah Application Support Center', ['5880 NW 183rd St', 'Hialeah', 'FL', '33015'], 'America/New_York', [25.9424, -80.2851], 6),
  asc('MCO', 'Orlando Application Support Center', ['6680 Corporate Centre Blvd', 'Orlando', 'FL', '32822'], 'America/New_York', [28.4883, -81.3191], 4),
  asc('NYV', 'New York Application Support Center', ['201 Varick St', 'New York', 'NY', '10014'], 'America/New_York', [40.7281, -74.0054], 6),
  asc('BKN', 'Brooklyn Application Support Center', ['1260 Atlantic Ave', 'Brooklyn', 'NY', '11216'], 'America/New_York', [40.6785, -73.9513], 5),
  asc('BOS', 'Boston Application Support Center', ['170 Portland St', 'Boston', 'MA', '02114'], 'America/New_York', [42.3645, -71.0609], 4),
  asc('FFX', 'Fairfax Application Support Center', ['2675 Prosperity Ave', 'Fairfax', 'VA', '22031'], 'America/New_York', [38.8677, -77.2279], 4),
];

/** The columns a place row has (the rest of the fields only steer the generators). */
export function placeRow({ code, name, street, city, state, zip, timeZone, latitude, longitude, phone }: Place): Place {
  return { code, name, street, city, state, zip, timeZone, latitude, longitude, phone };
}
