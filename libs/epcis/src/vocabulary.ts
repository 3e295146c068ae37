// The CBV 2.0 standard vocabularies that EPCIS 2.0 JSON-LD writes as bare words (`"bizStep":
// "shipping"`). The event hash uses their full URIs (`https://ref.gs1.org/cbv/BizStep-shipping`),
// so an event reads the same whether it was written in JSON-LD, in XML or with CURIEs. The words
// and URIs are those of the standard context, `epcis-context.jsonld` (EPCIS 2.0.0): each field's
// scoped context maps exactly these words, and `vocabulary.spec.ts` checks them against it.
// A word outside its field's list (a user vocabulary URI, say) is left as written.

/** One field's vocabulary: the URI prefix and the words it expands. */
export interface Vocabulary {
  readonly base: string;
  readonly words: ReadonlySet<string>;
}

function vocabulary(base: string, words: string): Vocabulary {
  return { base, words: new Set(words.split(/\s+/).filter(Boolean)) };
}

const CBV = 'https://ref.gs1.org/cbv/';
const GS1 = 'https://gs1.org/voc/';

export const BIZ_STEP = vocabulary(
  `${CBV}BizStep-`,
  `accepting arriving assembling collecting commissioning consigning creating_class_instance
   cycle_counting decommissioning departing destroying disassembling dispensing encoding
   entering_exiting holding inspecting installing killing loading other packing picking receiving
   removing repackaging repairing replacing reserving retail_selling sampling sensor_reporting
   shipping staging_outbound stock_taking stocking storing transporting unloading unpacking
   void_shipping`,
);

/** Used by `disposition` and by `persistentDisposition`'s `set` and `unset`. */
export const DISPOSITION = vocabulary(
  `${CBV}Disp-`,
  `active available completeness_inferred completeness_verified conformant container_closed
   container_open damaged destroyed dispensed disposed encoded expired in_progress in_transit
   inactive mismatch_class mismatch_instance mismatch_quantity needs_replacement no_pedigree_match
   non_conformant non_sellable_other partially_dispensed recalled reserved retail_sold returned
   sellable_accessible sellable_not_accessible stolen unavailable unknown`,
);

export const BIZ_TRANSACTION_TYPE = vocabulary(
  `${CBV}BTT-`,
  'bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt',
);

/** Used by the `type` of `sourceList` and `destinationList` entries. */
export const SOURCE_DESTINATION_TYPE = vocabulary(
  `${CBV}SDT-`,
  'location owning_party possessing_party',
);

export const MEASUREMENT_TYPE = vocabulary(
  GS1,
  `AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Altitude AmountOfSubstance
   AmountOfSubstancePerUnitVolume Angle AngularAcceleration AngularMomentum AngularVelocity Area
   Capacitance Conductance Conductivity Count Density Dimensionless DoseEquivalent
   DoseEquivalentRate DynamicViscosity ElectricCharge ElectricCurrent ElectricCurrentDensity
   ElectricFieldStrength Energy Exposure Force Frequency Illuminance Inductance Irradiance
   KinematicViscosity Length LinearMomentum Luminance LuminousFlux LuminousIntensity MagneticFlux
   MagneticFluxDensity MagneticVectorPotential Mass MassConcentration MassFlowRate MassPerAreaTime
   MemoryCapacity MolalityOfSolute MolarEnergy MolarMass MolarVolume Power Pressure RadiantFlux
   RadiantIntensity Radioactivity RelativeHumidity Resistance Resistivity SolidAngle
   SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time Torque Voltage Volume
   VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber`,
);

export const SENSOR_ALARM_TYPE = vocabulary(GS1, 'ALARM_CONDITION ERROR_CONDITION');

export const COMPONENT = vocabulary(
  `${CBV}Comp-`,
  `altitude axial_distance azimuth easting elevation_angle height latitude longitude northing
   polar_angle spherical_radius x y z`,
);

/**
 * EPCIS 1.x wrote CBV values as URNs; rule 14 of the algorithm rewrites them to the web URIs.
 * Business transaction identifiers (`urn:epcglobal:cbv:bt:...`) are identifiers, not vocabulary,
 * and stay as they are.
 */
export const CBV_URNS: ReadonlyArray<readonly [string, string]> = [
  ['urn:epcglobal:cbv:bizstep:', `${CBV}BizStep-`],
  ['urn:epcglobal:cbv:disp:', `${CBV}Disp-`],
  ['urn:epcglobal:cbv:btt:', `${CBV}BTT-`],
  ['urn:epcglobal:cbv:sdt:', `${CBV}SDT-`],
  ['urn:epcglobal:cbv:er:', `${CBV}ER-`],
];

/**
 * A business step or disposition as the bare CBV word when it is a standard one, however it was
 * written (word, web URI or EPCIS 1.x URN), so a query for `shipping` finds every form; any other
 * value (a private URI) as it is.
 * @example cbvWord(BIZ_STEP, 'urn:epcglobal:cbv:bizstep:shipping') // 'shipping'
 */
export function cbvWord(field: Vocabulary, value: string): string {
  const urn = CBV_URNS.find(([, uri]) => uri === field.base)?.[0];
  const word = value.startsWith(field.base)
    ? value.slice(field.base.length)
    : urn && value.startsWith(urn)
      ? value.slice(urn.length)
      : value;
  return field.words.has(word) ? word : value;
}
