declare module "shacl-engine/Validator.js" {
  import type { DatasetCore } from "@rdfjs/types";
  export default class Validator {
    constructor(shapes: DatasetCore, options: { factory: unknown; debug?: boolean; details?: boolean });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}
